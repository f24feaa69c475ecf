using System.Globalization;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;

namespace Buddy.Tests.Schedules;

/// <summary>The next-due rule as tables of cases: local times in two zones across both DST changes, days, dates, pauses.</summary>
public sealed class CheckInRulesTests
{
    private static readonly QuietHours s_noQuietHours = new(TimeOnly.MinValue, TimeOnly.MinValue);
    private static readonly QuietHours s_defaultQuietHours = new(new TimeOnly(21, 30), new TimeOnly(8, 0));

    [Theory]
    // Europe/London: GMT until 01:00 GMT on 29 March 2026 (clocks jump to 02:00 BST), BST until 02:00 BST on 25 October.
    [InlineData("Europe/London", "19:00", "2026-03-27T12:00:00Z", "2026-03-27T19:00:00Z")]
    [InlineData("Europe/London", "19:00", "2026-03-28T20:00:00Z", "2026-03-29T18:00:00Z")]
    [InlineData("Europe/London", "01:30", "2026-03-28T12:00:00Z", "2026-03-29T01:00:00Z")] // skipped: 02:00 BST, the end of the gap
    [InlineData("Europe/London", "01:00", "2026-03-28T12:00:00Z", "2026-03-29T01:00:00Z")] // 01:00 itself is skipped too
    [InlineData("Europe/London", "02:00", "2026-03-28T12:00:00Z", "2026-03-29T01:00:00Z")] // first valid local time
    [InlineData("Europe/London", "01:30", "2026-10-24T12:00:00Z", "2026-10-25T00:30:00Z")] // ambiguous: the earlier (BST)
    [InlineData("Europe/London", "01:30", "2026-10-25T00:31:00Z", "2026-10-26T01:30:00Z")] // never the second 01:30
    [InlineData("Europe/London", "19:00", "2026-10-24T12:00:00Z", "2026-10-24T18:00:00Z")]
    [InlineData("Europe/London", "19:00", "2026-10-24T18:00:01Z", "2026-10-25T19:00:00Z")]
    // America/New_York: 02:00 EST on 8 March 2026 becomes 03:00 EDT; 02:00 EDT on 1 November becomes 01:00 EST.
    [InlineData("America/New_York", "19:00", "2026-03-07T12:00:00Z", "2026-03-08T00:00:00Z")]
    [InlineData("America/New_York", "19:00", "2026-03-08T01:00:00Z", "2026-03-08T23:00:00Z")]
    [InlineData("America/New_York", "02:30", "2026-03-07T12:00:00Z", "2026-03-08T07:00:00Z")] // skipped: 03:00 EDT
    [InlineData("America/New_York", "01:30", "2026-10-31T12:00:00Z", "2026-11-01T05:30:00Z")] // ambiguous: the earlier (EDT)
    [InlineData("America/New_York", "01:30", "2026-11-01T05:31:00Z", "2026-11-02T06:30:00Z")] // never the second 01:30 (EST)
    [InlineData("America/New_York", "19:00", "2026-10-31T12:00:00Z", "2026-10-31T23:00:00Z")]
    [InlineData("America/New_York", "19:00", "2026-11-01T12:00:00Z", "2026-11-02T00:00:00Z")]
    // A zone far from UTC: the local date, not the UTC date, is the one that counts.
    [InlineData("Pacific/Auckland", "07:30", "2026-06-10T00:00:00Z", "2026-06-10T19:30:00Z")]
    public void Next_AcrossTimeZonesAndDaylightSaving_IsTheLocalTimeResolvedOnPurpose(string zone, string localTime, string from, string expected)
    {
        var schedule = Schedule(localTime);
        var person = Person(zone);

        var next = CheckInRules.Next(schedule, person, s_noQuietHours, Utc(from), lastLocalDate: null);

        Assert.Equal(Utc(expected), next?.DueAtUtc);
    }

    [Theory]
    [InlineData("Europe/London", "01:30", "2026-03-29")]
    [InlineData("Europe/London", "01:30", "2026-10-25")]
    [InlineData("America/New_York", "02:30", "2026-03-08")]
    [InlineData("America/New_York", "01:30", "2026-11-01")]
    public void Next_OnATransitionDay_BelongsToThatLocalDate(string zone, string localTime, string date)
    {
        var day = DateOnly.Parse(date, CultureInfo.InvariantCulture);
        var next = CheckInRules.Next(Schedule(localTime), Person(zone), s_noQuietHours, Utc(date + "T00:00:00Z").AddHours(-12), null);

        Assert.Equal(day, next?.LocalDate);
    }

    [Theory]
    // From Friday 27 March 2026 20:00 UTC (after that day's 19:00 GMT check-in), London.
    [InlineData("Weekdays", null, null, null, "2026-03-30T18:00:00Z")] // Monday, in BST
    [InlineData("Saturday", null, null, null, "2026-03-28T19:00:00Z")]
    [InlineData("Sunday", null, null, null, "2026-03-29T18:00:00Z")]
    [InlineData("Everyday", "2026-04-10", null, null, "2026-04-10T18:00:00Z")] // start date
    [InlineData("Everyday", null, "2026-03-27", null, null)] // ended
    [InlineData("Everyday", null, "2026-03-28", null, "2026-03-28T19:00:00Z")] // end date is inclusive
    [InlineData("Everyday", null, null, "2026-04-01", "2026-04-01T18:00:00Z")] // paused until
    [InlineData("Tuesday", null, null, "2026-04-01", "2026-04-07T18:00:00Z")] // paused until, then the next Tuesday
    public void Next_HonoursDaysDatesAndPauses(string days, string? start, string? end, string? pausedUntil, string? expected)
    {
        var schedule = Schedule("19:00");
        schedule.Days = Enum.Parse<CheckInDays>(days);
        schedule.StartDate = start is null ? null : DateOnly.Parse(start, CultureInfo.InvariantCulture);
        schedule.EndDate = end is null ? null : DateOnly.Parse(end, CultureInfo.InvariantCulture);
        var person = Person("Europe/London");
        person.PausedUntil = pausedUntil is null ? null : DateOnly.Parse(pausedUntil, CultureInfo.InvariantCulture);

        var next = CheckInRules.Next(schedule, person, s_defaultQuietHours, Utc("2026-03-27T20:00:00Z"), null);

        Assert.Equal(expected is null ? null : Utc(expected), next?.DueAtUtc);
    }

    [Theory]
    [InlineData(CheckInBlocker.ScheduleDisabled)]
    [InlineData(CheckInBlocker.OptedOut)]
    [InlineData(CheckInBlocker.Discharged)]
    [InlineData(CheckInBlocker.PausedIndefinitely)]
    [InlineData(CheckInBlocker.NoPhone)]
    [InlineData(CheckInBlocker.NoDays)]
    [InlineData(CheckInBlocker.TimeInQuietHours)]
    [InlineData(CheckInBlocker.UnknownTimeZone)]
    public void Next_WhenBlocked_IsNone(CheckInBlocker blocker)
    {
        var schedule = Schedule("19:00");
        var person = Person("Europe/London");
        switch (blocker)
        {
            case CheckInBlocker.ScheduleDisabled: schedule.IsEnabled = false; break;
            case CheckInBlocker.OptedOut: person.Consent = ConsentState.OptedOut; break;
            case CheckInBlocker.Discharged: person.Status = ServiceUserStatus.Discharged; break;
            case CheckInBlocker.PausedIndefinitely: person.Status = ServiceUserStatus.Paused; break;
            case CheckInBlocker.NoPhone: person.PhoneE164 = null; break;
            case CheckInBlocker.NoDays: schedule.Days = CheckInDays.None; break;
            case CheckInBlocker.TimeInQuietHours: schedule.LocalTime = new TimeOnly(22, 0); break;
            case CheckInBlocker.UnknownTimeZone: person.TimeZoneId = "Europe/Atlantis"; break;
        }

        Assert.Equal(blocker, CheckInRules.Blocker(schedule, person, s_defaultQuietHours));
        Assert.Null(CheckInRules.Next(schedule, person, s_defaultQuietHours, Utc("2026-03-10T12:00:00Z"), null));
    }

    [Fact]
    public void Next_WhenPausedWithAResumeDate_ResumesThatDay()
    {
        var person = Person("Europe/London");
        person.Status = ServiceUserStatus.Paused;
        person.PausedUntil = new DateOnly(2026, 3, 12);

        var next = CheckInRules.Next(Schedule("19:00"), person, s_defaultQuietHours, Utc("2026-03-10T12:00:00Z"), null);

        Assert.Equal(Utc("2026-03-12T19:00:00Z"), next?.DueAtUtc);
    }

    [Fact]
    public void Next_WhenTodayAlreadyHasACheckIn_IsTomorrowEvenIfTheTimeMovedLater()
    {
        // Today's 19:00 text went; the manager then moved the time to 20:00. Today must not get a second one.
        var schedule = Schedule("20:00");

        var next = CheckInRules.Next(schedule, Person("Europe/London"), s_defaultQuietHours, Utc("2026-03-10T19:30:00Z"), new DateOnly(2026, 3, 10));

        Assert.Equal(Utc("2026-03-11T20:00:00Z"), next?.DueAtUtc);
    }

    [Fact]
    public void Next_WhenTheGapMovesTheTimeIntoQuietHours_SkipsThatDay()
    {
        // Quiet 02:00-06:00: 01:30 is fine on normal days, but on the spring-forward day it would become 02:00.
        var quiet = new QuietHours(new TimeOnly(2, 0), new TimeOnly(6, 0));

        var next = CheckInRules.Next(Schedule("01:30"), Person("Europe/London"), quiet, Utc("2026-03-28T12:00:00Z"), null);

        Assert.Equal(new DateOnly(2026, 3, 30), next?.LocalDate);
        Assert.Equal(Utc("2026-03-30T00:30:00Z"), next?.DueAtUtc);
    }

    [Theory]
    // Due 19:00 GMT on 10 March 2026; the organisation's catch-up window is 120 minutes; quiet hours 21:30-08:00.
    [InlineData("19:00", "2026-03-10T19:00:00Z", "2026-03-10T19:00:15Z", "Send", "2026-03-11T19:00:00Z")]
    [InlineData("19:00", "2026-03-10T19:00:00Z", "2026-03-10T20:59:00Z", "Send", "2026-03-11T19:00:00Z")] // late, inside
    [InlineData("19:00", "2026-03-10T19:00:00Z", "2026-03-10T21:01:00Z", "Missed", "2026-03-11T19:00:00Z")] // outside
    [InlineData("20:00", "2026-03-10T20:00:00Z", "2026-03-10T21:45:00Z", "SkippedQuietHours", "2026-03-11T20:00:00Z")] // inside, but quiet now
    [InlineData("19:00", "2026-03-07T19:00:00Z", "2026-03-10T12:00:00Z", "Missed,Missed,Missed", "2026-03-10T19:00:00Z")] // days of downtime
    public void PlanDispatch_CatchUp_SendsLateOnlyInsideTheWindowAndOutsideQuietHours(
        string localTime, string storedDue, string now, string outcomes, string nextDue)
    {
        var schedule = Schedule(localTime);
        schedule.NextDueAtUtc = Utc(storedDue);

        var plan = CheckInRules.PlanDispatch(schedule, Person("Europe/London"), s_defaultQuietHours, TimeSpan.FromMinutes(120), Utc(now), null);

        Assert.Equal(outcomes, string.Join(",", plan.Due.Select(d => d.Outcome)));
        Assert.Equal(Utc(nextDue), plan.NextDueAtUtc);
    }

    [Fact]
    public void PlanDispatch_AfterDowntime_RecordsEachMissedDayOnce()
    {
        var schedule = Schedule("19:00");
        schedule.NextDueAtUtc = Utc("2026-03-07T19:00:00Z");

        var plan = CheckInRules.PlanDispatch(schedule, Person("Europe/London"), s_defaultQuietHours, TimeSpan.FromMinutes(120), Utc("2026-03-10T12:00:00Z"), null);

        Assert.Equal(new[] { new DateOnly(2026, 3, 7), new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 9) }, plan.Due.Select(d => d.Occurrence.LocalDate));
    }

    [Theory]
    [InlineData(ConsentState.OptedOut, ServiceUserStatus.Active)]
    [InlineData(ConsentState.OptedIn, ServiceUserStatus.Discharged)]
    [InlineData(ConsentState.OptedIn, ServiceUserStatus.Paused)]
    public void PlanDispatch_WhenThePersonChangedSinceItWasTimed_SendsNothing(ConsentState consent, ServiceUserStatus status)
    {
        var schedule = Schedule("19:00");
        schedule.NextDueAtUtc = Utc("2026-03-10T19:00:00Z");
        var person = Person("Europe/London");
        person.Consent = consent;
        person.Status = status;

        var plan = CheckInRules.PlanDispatch(schedule, person, s_defaultQuietHours, TimeSpan.FromMinutes(120), Utc("2026-03-10T19:00:10Z"), null);

        Assert.Empty(plan.Due);
        Assert.Null(plan.NextDueAtUtc);
    }

    [Fact]
    public void PlanDispatch_WhenTheTimeChangedAfterTodaysTextWasSent_SendsNothingMoreToday()
    {
        var schedule = Schedule("20:00");
        schedule.NextDueAtUtc = Utc("2026-03-10T20:00:00Z");

        var plan = CheckInRules.PlanDispatch(schedule, Person("Europe/London"), s_defaultQuietHours, TimeSpan.FromMinutes(120), Utc("2026-03-10T20:00:05Z"), new DateOnly(2026, 3, 10));

        Assert.Empty(plan.Due);
        Assert.Equal(Utc("2026-03-11T20:00:00Z"), plan.NextDueAtUtc);
    }

    [Theory]
    [InlineData("19:00", 120, "2026-03-10T19:00:00Z", "2026-03-10T21:00:00Z")]
    [InlineData("19:00", 150, "2026-03-10T19:00:00Z", null)] // 21:30 is quiet: skipped, not moved
    [InlineData("19:00", 60, "2026-07-10T18:00:00Z", "2026-07-10T19:00:00Z")] // BST: 20:00 local
    [InlineData("19:00", null, "2026-03-10T19:00:00Z", null)]
    public void ReminderDue_WhenItWouldLandInQuietHours_IsSkipped(string localTime, int? minutes, string sent, string? expected)
    {
        var schedule = Schedule(localTime);
        schedule.ReminderAfterMinutes = minutes;

        var due = CheckInRules.ReminderDue(schedule, Person("Europe/London"), s_defaultQuietHours, Utc(sent));

        Assert.Equal(expected is null ? null : Utc(expected), due);
    }

    [Theory]
    [InlineData("2026-03-10T12:00:00Z", "2026-03-10T12:00:00Z")]
    [InlineData("2026-03-10T22:00:00Z", "2026-03-11T08:00:00Z")]
    [InlineData("2026-03-10T07:00:00Z", "2026-03-10T08:00:00Z")]
    [InlineData("2026-07-10T21:00:00Z", "2026-07-11T07:00:00Z")] // 22:00 BST: waits for 08:00 BST
    public void FirstAllowedAt_InsideQuietHours_IsTheirEnd(string now, string expected)
    {
        Assert.Equal(Utc(expected), CheckInRules.FirstAllowedAt(s_defaultQuietHours, Utc(now), "Europe/London"));
    }

    [Fact]
    public void Recompute_WhenTheStoredDueHasPassedButNotBeenDispatched_KeepsIt()
    {
        var schedule = Schedule("19:00");
        schedule.NextDueAtUtc = Utc("2026-03-10T19:00:00Z");

        var next = CheckInRules.Recompute(schedule, Person("Europe/London"), s_defaultQuietHours, Utc("2026-03-10T19:00:05Z"), null);

        Assert.Equal(Utc("2026-03-10T19:00:00Z"), next);
    }

    internal static CheckInSchedule Schedule(string localTime) => new()
    {
        LocalTime = TimeOnly.Parse(localTime, CultureInfo.InvariantCulture),
        Days = CheckInDays.Everyday,
    };

    internal static ServiceUser Person(string zone) => new()
    {
        DisplayName = "Sam Taylor",
        PhoneE164 = "+447700900123",
        TimeZoneId = zone,
    };

    internal static DateTime Utc(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
