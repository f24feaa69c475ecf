using Buddy.Domain.Schedules;

namespace Buddy.Gateway.Manage;

/// <summary>The schedule and reminder policy fields as the manager's form posts them.</summary>
public sealed class ScheduleForm
{
    public TimeOnly? LocalTime { get; set; } = new(19, 0);
    /// <summary>Empty unless posted: an unticked box sends nothing, so a default here would undo "no days".</summary>
    public List<DayOfWeek> Days { get; set; } = [];
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public int? ReminderAfterMinutes { get; set; }
    public TimeOnly? QuietHoursStart { get; set; }
    public TimeOnly? QuietHoursEnd { get; set; }
    public Guid? TemplateId { get; set; }
    public bool TwoStep { get; set; }
    public bool IsEnabled { get; set; } = true;

    /// <summary>A new schedule: every day at 19:00.</summary>
    public static ScheduleForm Default() => new() { Days = [.. Enum.GetValues<DayOfWeek>()] };

    public static ScheduleForm From(CheckInSchedule s) => new()
    {
        LocalTime = s.LocalTime,
        Days = [.. Enum.GetValues<DayOfWeek>().Where(d => s.Days.Includes(d))],
        StartDate = s.StartDate,
        EndDate = s.EndDate,
        ReminderAfterMinutes = s.ReminderAfterMinutes,
        QuietHoursStart = s.QuietHoursStart,
        QuietHoursEnd = s.QuietHoursEnd,
        TemplateId = s.TemplateId,
        TwoStep = s.TwoStep,
        IsEnabled = s.IsEnabled,
    };

    /// <summary>Null when the time is missing (the page reports it).</summary>
    public ScheduleInput? ToInput() => LocalTime is not { } time ? null : new ScheduleInput
    {
        LocalTime = time,
        Days = Days.Aggregate(CheckInDays.None, (all, day) => all | day.ToCheckInDay()),
        StartDate = StartDate,
        EndDate = EndDate,
        ReminderAfterMinutes = ReminderAfterMinutes,
        QuietHoursStart = QuietHoursStart,
        QuietHoursEnd = QuietHoursEnd,
        TemplateId = TemplateId,
        TwoStep = TwoStep,
        IsEnabled = IsEnabled,
    };
}
