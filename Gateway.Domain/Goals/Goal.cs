using Buddy.Domain.Schedules;

namespace Buddy.Domain.Goals;

/// <summary>
/// Something the service user agreed with their therapist to try, in their own words ("walk to the shop twice
/// this week"). Reminders go on <see cref="ReminderDays"/> at <see cref="ReminderLocalTime"/> in the person's zone.
/// </summary>
public sealed class Goal
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public Guid ServiceUserId { get; set; }

    /// <summary>The person's own words; texted back to them as written.</summary>
    public required string Text { get; set; }
    public GoalStatus Status { get; set; } = GoalStatus.Active;

    /// <summary>None means the goal is kept on the summary but never texted.</summary>
    public CheckInDays ReminderDays { get; set; } = CheckInDays.Everyday;
    public TimeOnly ReminderLocalTime { get; set; } = new(18, 0);

    /// <summary>The next reminder, recomputed from the rule each time one is sent or the rule changes.</summary>
    public DateTime? NextDueAtUtc { get; set; }
    public Guid? SetByStaffId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? AchievedAtUtc { get; set; }
}
