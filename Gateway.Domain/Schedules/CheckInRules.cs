using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Time;
using NodaTime;
using NodaTime.TimeZones;

namespace Buddy.Domain.Schedules;

/// <summary>
/// When a schedule's check-ins fall due: pure functions of the schedule, the person, the quiet hours and a time.
/// A local time skipped by a spring-forward goes at the first valid instant after the gap (01:30 on a day
/// Europe/London jumps 01:00 to 02:00 goes at 02:00 BST), and a local time that happens twice in the autumn
/// goes once, at the earlier of the two.
/// </summary>
public static class CheckInRules
{
    /// <summary>Far enough ahead for any weekly pattern, a start date or a pause; a rule with nothing in it is blocked.</summary>
    private const int SearchDays = 400;

    /// <summary>Skipped local times resolve to the end of the gap; ambiguous ones to the earlier instant.</summary>
    public static readonly ZoneLocalMappingResolver Resolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>Why nothing can ever be due for this schedule now, or <see cref="CheckInBlocker.None"/>.</summary>
    public static CheckInBlocker Blocker(CheckInSchedule schedule, ServiceUser person, QuietHours quiet)
    {
        if (!schedule.IsEnabled)
        {
            return CheckInBlocker.ScheduleDisabled;
        }

        if (person.Consent == ConsentState.OptedOut)
        {
            return CheckInBlocker.OptedOut;
        }

        if (person.Status == ServiceUserStatus.Discharged)
        {
            return CheckInBlocker.Discharged;
        }

        if (person.Status == ServiceUserStatus.Paused && person.PausedUntil is null)
        {
            return CheckInBlocker.PausedIndefinitely;
        }

        if (person.PhoneE164 is null || person.ErasedAtUtc is not null)
        {
            return CheckInBlocker.NoPhone;
        }

        if ((schedule.Days & CheckInDays.Everyday) == CheckInDays.None)
        {
            return CheckInBlocker.NoDays;
        }

        if (quiet.Contains(schedule.LocalTime))
        {
            return CheckInBlocker.TimeInQuietHours;
        }

        return LocalTimes.IsKnownZone(person.TimeZoneId) ? CheckInBlocker.None : CheckInBlocker.UnknownTimeZone;
    }

    /// <summary>
    /// The first occurrence due at or after <paramref name="fromUtc"/> on a local date after
    /// <paramref name="lastLocalDate"/> (the latest day that already has a check-in), or null when there is none.
    /// </summary>
    public static CheckInOccurrence? Next(
        CheckInSchedule schedule, ServiceUser person, QuietHours quiet, DateTime fromUtc, DateOnly? lastLocalDate)
    {
        if (Blocker(schedule, person, quiet) != CheckInBlocker.None)
        {
            return null;
        }

        var zone = LocalTimes.Zone(person.TimeZoneId);
        var from = Instant.FromDateTimeUtc(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc));

        // Start a day early: an occurrence belongs to its local date, which can differ from the UTC date.
        var date = from.InZone(zone).Date.PlusDays(-1).ToDateOnly();
        foreach (var floor in new[] { schedule.StartDate, person.PausedUntil, lastLocalDate?.AddDays(1) })
        {
            if (floor is { } f && f > date)
            {
                date = f;
            }
        }

        for (var i = 0; i < SearchDays; i++, date = date.AddDays(1))
        {
            if (schedule.EndDate is { } end && date > end)
            {
                return null;
            }

            if (!schedule.Days.Includes(date.DayOfWeek))
            {
                continue;
            }

            var due = ZonedAt(date, schedule.LocalTime, zone);

            // A gap can move the time forward; if that lands in quiet hours the day is skipped, never sent at night.
            if (due.ToInstant() >= from && !quiet.Contains(due.TimeOfDay.ToTimeOnly()))
            {
                return new CheckInOccurrence(date, due.ToDateTimeUtc());
            }
        }

        return null;
    }

    /// <summary>
    /// What a schedule should do now that it is due (its NextDueAtUtc has passed): each occurrence between the stored
    /// due time and now is sent, sent late (within the catch-up window and outside quiet hours) or recorded as
    /// missed/skipped, and the following occurrence becomes the new due time. The current rule is applied, so a
    /// pause, discharge, opt-out or time change made since the due time was stored is honoured.
    /// </summary>
    public static DispatchPlan PlanDispatch(
        CheckInSchedule schedule, ServiceUser person, QuietHours quiet, TimeSpan catchUpWindow, DateTime nowUtc, DateOnly? lastLocalDate)
    {
        var due = new List<DueCheckIn>();
        var from = schedule.NextDueAtUtc is { } stored && stored < nowUtc ? stored : nowUtc;

        // Bounded: after a very long outage only the last two months of missed days are recorded one by one.
        while (due.Count < 62 && Next(schedule, person, quiet, from, lastLocalDate) is { } occurrence && occurrence.DueAtUtc <= nowUtc)
        {
            var outcome = nowUtc - occurrence.DueAtUtc > catchUpWindow ? DueOutcome.Missed
                : IsQuietAt(quiet, nowUtc, person.TimeZoneId) ? DueOutcome.SkippedQuietHours
                : DueOutcome.Send;
            due.Add(new DueCheckIn(occurrence, outcome));
            lastLocalDate = occurrence.LocalDate;
            from = occurrence.DueAtUtc;
        }

        return new DispatchPlan(due, Next(schedule, person, quiet, nowUtc, lastLocalDate)?.DueAtUtc);
    }

    /// <summary>
    /// The due time after a manager changed the schedule or the person (time, days, pause, discharge, consent).
    /// A due time already passed but not yet dispatched stays in play, so a change made in the seconds before the
    /// dispatcher runs does not lose today's check-in; a day that already has a check-in is never due again.
    /// </summary>
    public static DateTime? Recompute(CheckInSchedule schedule, ServiceUser person, QuietHours quiet, DateTime nowUtc, DateOnly? lastLocalDate)
    {
        var from = schedule.NextDueAtUtc is { } stored && stored < nowUtc ? stored : nowUtc;
        return Next(schedule, person, quiet, from, lastLocalDate)?.DueAtUtc;
    }

    /// <summary>
    /// When the one reminder for a check-in sent at <paramref name="sentAtUtc"/> falls due, or null when the
    /// schedule has none or it would land in quiet hours (then it is skipped, not moved).
    /// </summary>
    public static DateTime? ReminderDue(CheckInSchedule schedule, ServiceUser person, QuietHours quiet, DateTime sentAtUtc)
    {
        if (schedule.ReminderAfterMinutes is not > 0 || !LocalTimes.IsKnownZone(person.TimeZoneId))
        {
            return null;
        }

        var at = sentAtUtc.AddMinutes(schedule.ReminderAfterMinutes.Value);
        return IsQuietAt(quiet, at, person.TimeZoneId) ? null : at;
    }

    /// <summary>True when <paramref name="utc"/> is inside quiet hours in the person's zone.</summary>
    public static bool IsQuietAt(QuietHours quiet, DateTime utc, string timeZoneId) =>
        quiet.Contains(LocalTimes.ToLocal(utc, timeZoneId).TimeOfDay.ToTimeOnly());

    /// <summary>The earliest instant at or after <paramref name="utc"/> that is outside quiet hours in the zone.</summary>
    public static DateTime FirstAllowedAt(QuietHours quiet, DateTime utc, string timeZoneId)
    {
        if (!IsQuietAt(quiet, utc, timeZoneId))
        {
            return utc;
        }

        var zone = LocalTimes.Zone(timeZoneId);
        var local = LocalTimes.ToLocal(utc, timeZoneId);
        var endDate = quiet.End > local.TimeOfDay.ToTimeOnly() ? local.Date : local.Date.PlusDays(1);
        return ZonedAt(endDate.ToDateOnly(), quiet.End, zone).ToDateTimeUtc();
    }

    private static ZonedDateTime ZonedAt(DateOnly date, TimeOnly time, DateTimeZone zone) =>
        zone.ResolveLocal(LocalDate.FromDateOnly(date).At(LocalTime.FromTimeOnly(time)), Resolver);
}
