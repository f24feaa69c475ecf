namespace Buddy.Domain.Schedules;

/// <summary>A check-in schedule and reminder policy as a manager or an integration sets it.</summary>
public sealed record ScheduleInput
{
    public TimeOnly LocalTime { get; init; } = new(19, 0);
    public CheckInDays Days { get; init; } = CheckInDays.Everyday;
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public int? ReminderAfterMinutes { get; init; }
    public TimeOnly? QuietHoursStart { get; init; }
    public TimeOnly? QuietHoursEnd { get; init; }
    public Guid? TemplateId { get; init; }
    public bool TwoStep { get; init; }
    public bool IsEnabled { get; init; } = true;

    public static ScheduleInput From(CheckInSchedule schedule) => new()
    {
        LocalTime = schedule.LocalTime,
        Days = schedule.Days,
        StartDate = schedule.StartDate,
        EndDate = schedule.EndDate,
        ReminderAfterMinutes = schedule.ReminderAfterMinutes,
        QuietHoursStart = schedule.QuietHoursStart,
        QuietHoursEnd = schedule.QuietHoursEnd,
        TemplateId = schedule.TemplateId,
        TwoStep = schedule.TwoStep,
        IsEnabled = schedule.IsEnabled,
    };

    public void ApplyTo(CheckInSchedule schedule)
    {
        schedule.LocalTime = LocalTime;
        schedule.Days = Days;
        schedule.StartDate = StartDate;
        schedule.EndDate = EndDate;
        schedule.ReminderAfterMinutes = ReminderAfterMinutes;
        schedule.QuietHoursStart = QuietHoursStart;
        schedule.QuietHoursEnd = QuietHoursEnd;
        schedule.TemplateId = TemplateId;
        schedule.TwoStep = TwoStep;
        schedule.IsEnabled = IsEnabled;
    }
}
