namespace Buddy.Domain.Goals;

/// <summary>One answer to a goal reminder: what the person said about one local day.</summary>
public sealed class GoalProgress
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public Guid ServiceUserId { get; set; }
    public Guid GoalId { get; set; }

    /// <summary>The local day the reminder asked about.</summary>
    public DateOnly LocalDate { get; set; }
    public GoalOutcome Outcome { get; set; }

    /// <summary>The reply as the person wrote it.</summary>
    public required string ReplyText { get; set; }
    public Guid? InboundMessageId { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}
