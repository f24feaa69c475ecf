namespace Buddy.Domain.Questionnaires;

/// <summary>A questionnaire sent to one service user every <see cref="EveryWeeks"/> weeks.</summary>
public sealed class QuestionnaireSchedule
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public Guid ServiceUserId { get; set; }
    public QuestionnaireKind Kind { get; set; }
    public int EveryWeeks { get; set; } = 2;

    /// <summary>The local time it is sent at, outside quiet hours.</summary>
    public TimeOnly LocalTime { get; set; } = new(18, 0);
    public DateTime NextDueAtUtc { get; set; }
    public bool IsEnabled { get; set; } = true;
    public Guid? SetByStaffId { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
