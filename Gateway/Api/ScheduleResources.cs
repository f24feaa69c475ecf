using System.Globalization;
using Buddy.Domain.Schedules;
using Buddy.Domain.Validation;
using Buddy.Gateway.Manage;

namespace Buddy.Gateway.Api;

/// <summary>A check-in schedule. Times are local to the service user ("HH:mm"); days are names ("Monday"...).</summary>
public sealed record ScheduleResource(
    string LocalTime,
    IReadOnlyList<string> Days,
    DateOnly? StartDate,
    DateOnly? EndDate,
    int? ReminderAfterMinutes,
    string? QuietHoursStart,
    string? QuietHoursEnd,
    Guid? TemplateId,
    bool TwoStep,
    bool IsEnabled,
    DateTime? NextDueAtUtc,
    DateTime UpdatedAtUtc)
{
    public static ScheduleResource From(CheckInSchedule s) => new(
        Format(s.LocalTime), DayNames(s.Days), s.StartDate, s.EndDate, s.ReminderAfterMinutes,
        s.QuietHoursStart is { } qs ? Format(qs) : null, s.QuietHoursEnd is { } qe ? Format(qe) : null,
        s.TemplateId, s.TwoStep, s.IsEnabled, s.NextDueAtUtc, s.UpdatedAtUtc);

    private static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static List<string> DayNames(CheckInDays days) =>
        [.. Enum.GetValues<DayOfWeek>().OrderBy(d => ((int)d + 6) % 7).Where(d => days.Includes(d)).Select(d => d.ToString())];
}

/// <summary>The body of PUT /service-users/{id}/schedule, which creates or replaces the schedule.</summary>
/// <param name="LocalTime">"HH:mm" in the service user's zone.</param>
/// <param name="Days">Day names; omitted means every day.</param>
/// <param name="ReminderAfterMinutes">One reminder this long after an unanswered check-in; null for none.</param>
/// <param name="QuietHoursStart">"HH:mm"; with QuietHoursEnd, overrides the organisation's quiet hours.</param>
/// <param name="TemplateId">A check-in template of the organisation; null uses its default.</param>
public sealed record ScheduleRequest(
    string? LocalTime,
    IReadOnlyList<string>? Days,
    DateOnly? StartDate,
    DateOnly? EndDate,
    int? ReminderAfterMinutes,
    string? QuietHoursStart,
    string? QuietHoursEnd,
    Guid? TemplateId,
    bool? TwoStep,
    bool? IsEnabled)
{
    /// <summary>Null with <paramref name="errors"/> filled when a time or day name cannot be read.</summary>
    public ScheduleInput? ToInput(FieldErrors errors)
    {
        // The same reading of a time as the manager's form: 24-hour "19:00", or "7pm", never a bare "7".
        var localTime = TimeField.Read(LocalTime, nameof(LocalTime), "the check-in time", errors, required: true);
        var quietStart = TimeField.Read(QuietHoursStart, nameof(QuietHoursStart), "the start of quiet hours", errors, required: false);
        var quietEnd = TimeField.Read(QuietHoursEnd, nameof(QuietHoursEnd), "the end of quiet hours", errors, required: false);
        var days = CheckInDays.None;
        foreach (var name in Days ?? [.. Enum.GetNames<DayOfWeek>()])
        {
            if (Enum.TryParse<DayOfWeek>(name, ignoreCase: true, out var day) && Enum.IsDefined(day) && !int.TryParse(name, out _))
            {
                days |= day.ToCheckInDay();
            }
            else
            {
                errors.Add(nameof(Days), $"'{name}' is not a day of the week");
            }
        }

        return errors.IsValid
            ? new ScheduleInput
            {
                LocalTime = localTime!.Value,
                Days = days,
                StartDate = StartDate,
                EndDate = EndDate,
                ReminderAfterMinutes = ReminderAfterMinutes,
                QuietHoursStart = quietStart,
                QuietHoursEnd = quietEnd,
                TemplateId = TemplateId,
                TwoStep = TwoStep ?? false,
                IsEnabled = IsEnabled ?? true,
            }
            : null;
    }
}
