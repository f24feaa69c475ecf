using Buddy.Domain.Organisations;
using Buddy.Domain.Validation;

namespace Buddy.Domain.Schedules;

/// <summary>The checks on a schedule that need no database (the template check does, and lives in the gateway).</summary>
public static class ScheduleRules
{
    public const int MinReminderMinutes = 15;
    public const int MaxReminderMinutes = 12 * 60;

    public static FieldErrors Validate(ScheduleInput input, Organisation organisation)
    {
        var errors = new FieldErrors();
        if ((input.Days & CheckInDays.Everyday) == CheckInDays.None || (input.Days & ~CheckInDays.Everyday) != 0)
        {
            errors.Add(nameof(input.Days), "Choose at least one day");
        }

        if (input is { StartDate: { } start, EndDate: { } end } && end < start)
        {
            errors.Add(nameof(input.EndDate), "The end date must be on or after the start date");
        }

        if (input.ReminderAfterMinutes is { } reminder && reminder is < MinReminderMinutes or > MaxReminderMinutes)
        {
            errors.Add(nameof(input.ReminderAfterMinutes), $"A reminder must be between {MinReminderMinutes} and {MaxReminderMinutes} minutes after the check-in");
        }

        if (input.QuietHoursStart.HasValue != input.QuietHoursEnd.HasValue)
        {
            errors.Add(input.QuietHoursStart.HasValue ? nameof(input.QuietHoursEnd) : nameof(input.QuietHoursStart),
                "Enter both the start and the end of quiet hours, or neither to use the organisation's");
            return errors;
        }

        // A check-in inside quiet hours would never be sent: say so now rather than let it go silently missing.
        var quiet = input is { QuietHoursStart: { } qs, QuietHoursEnd: { } qe }
            ? new QuietHours(qs, qe)
            : new QuietHours(organisation.QuietHoursStart, organisation.QuietHoursEnd);
        if (quiet.Contains(input.LocalTime))
        {
            errors.Add(nameof(input.LocalTime), $"{input.LocalTime:HH\\:mm} is inside quiet hours ({quiet.Start:HH\\:mm} to {quiet.End:HH\\:mm}); choose a time outside them");
        }
        else if (input.ReminderAfterMinutes is { } after && after is >= MinReminderMinutes and <= MaxReminderMinutes
                 && quiet.Contains(input.LocalTime.AddMinutes(after)))
        {
            errors.Add(nameof(input.ReminderAfterMinutes), $"The reminder would fall inside quiet hours ({quiet.Start:HH\\:mm} to {quiet.End:HH\\:mm})");
        }

        return errors;
    }
}
