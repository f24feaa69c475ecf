namespace Buddy.Domain.Questionnaires;

/// <summary>One item's answer, traceable to the text it came from.</summary>
public sealed class QuestionnaireAnswer
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public Guid ServiceUserId { get; set; }
    public Guid RunId { get; set; }

    /// <summary>1-based, as printed on the form.</summary>
    public int ItemNumber { get; set; }

    /// <summary>0 not at all, 1 several days, 2 more than half the days, 3 nearly every day.</summary>
    public int Score { get; set; }
    public Guid? InboundMessageId { get; set; }
    public DateTime AnsweredAtUtc { get; set; }
}
