using Buddy.Domain.Schedules;
using Buddy.Domain.Time;
using Buddy.Domain.Validation;

namespace Buddy.Gateway.Manage;

/// <summary>
/// The schedule and reminder policy fields as the manager's form posts them, in the order the form shows them.
/// Times are 24-hour text and dates the NHS.UK day/month/year boxes, read here with messages naming the field.
/// </summary>
public sealed class ScheduleForm
{
    public string? LocalTime { get; set; } = "19:00";
    /// <summary>Empty unless posted: an unticked box sends nothing, so a default here would undo "no days".</summary>
    public List<DayOfWeek> Days { get; set; } = [];
    public DateInput StartDate { get; set; } = new();
    public DateInput EndDate { get; set; } = new();
    public int? ReminderAfterMinutes { get; set; }
    public string? QuietHoursStart { get; set; }
    public string? QuietHoursEnd { get; set; }
    public Guid? TemplateId { get; set; }
    public bool TwoStep { get; set; }
    public bool IsEnabled { get; set; } = true;

    /// <summary>A new schedule: every day at 19:00.</summary>
    public static ScheduleForm Default() => new() { Days = [.. Enum.GetValues<DayOfWeek>()] };

    public static ScheduleForm From(CheckInSchedule s) => new()
    {
        LocalTime = TimeText.Format(s.LocalTime),
        Days = [.. Enum.GetValues<DayOfWeek>().Where(d => s.Days.Includes(d))],
        StartDate = DateInput.From(s.StartDate),
        EndDate = DateInput.From(s.EndDate),
        ReminderAfterMinutes = s.ReminderAfterMinutes,
        QuietHoursStart = s.QuietHoursStart is { } start ? TimeText.Format(start) : null,
        QuietHoursEnd = s.QuietHoursEnd is { } end ? TimeText.Format(end) : null,
        TemplateId = s.TemplateId,
        TwoStep = s.TwoStep,
        IsEnabled = s.IsEnabled,
    };

    /// <summary>Null with <paramref name="errors"/> filled (keyed by this form's field names) when a field cannot be read.</summary>
    public ScheduleInput? ToInput(FieldErrors errors)
    {
        var time = TimeField.Read(LocalTime, nameof(LocalTime), "the check-in time", errors, required: true);
        var start = StartDate.Read("The first day", nameof(StartDate), errors);
        var end = EndDate.Read("The last day", nameof(EndDate), errors);
        var quietStart = TimeField.Read(QuietHoursStart, nameof(QuietHoursStart), "the start of quiet hours", errors, required: false);
        var quietEnd = TimeField.Read(QuietHoursEnd, nameof(QuietHoursEnd), "the end of quiet hours", errors, required: false);
        return errors.IsValid
            ? new ScheduleInput
            {
                LocalTime = time!.Value,
                Days = Days.Aggregate(CheckInDays.None, (all, day) => all | day.ToCheckInDay()),
                StartDate = start,
                EndDate = end,
                ReminderAfterMinutes = ReminderAfterMinutes,
                QuietHoursStart = quietStart,
                QuietHoursEnd = quietEnd,
                TemplateId = TemplateId,
                TwoStep = TwoStep,
                IsEnabled = IsEnabled,
            }
            : null;
    }
}
