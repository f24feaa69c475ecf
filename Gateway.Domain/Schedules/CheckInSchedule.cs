namespace Buddy.Domain.Schedules;

/// <summary>
/// When one service user gets their daily check-in, as a local rule. <see cref="NextDueAtUtc"/> is the rule
/// evaluated for the next occurrence and is recomputed whenever the schedule fires or changes.
/// </summary>
public sealed class CheckInSchedule
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public Guid ServiceUserId { get; set; }
    public TimeOnly LocalTime { get; set; } = new(19, 0);
    public CheckInDays Days { get; set; } = CheckInDays.Everyday;
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>One reminder this many minutes after the check-in if no reply came; null for none.</summary>
    public int? ReminderAfterMinutes { get; set; }

    /// <summary>Overrides the organisation's quiet hours when both are set.</summary>
    public TimeOnly? QuietHoursStart { get; set; }
    public TimeOnly? QuietHoursEnd { get; set; }

    /// <summary>The check-in wording; null uses the organisation's default check-in template.</summary>
    public Guid? TemplateId { get; set; }

    /// <summary>Buddy's original two-step form: feeling first, then doing.</summary>
    public bool TwoStep { get; set; }
    public bool IsEnabled { get; set; } = true;
    public DateTime? NextDueAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
