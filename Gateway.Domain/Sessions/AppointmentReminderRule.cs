using Buddy.Domain.Time;

namespace Buddy.Domain.Sessions;

/// <summary>When the reminder for a session is due: a number of days before, at a local time (the check-in time).</summary>
public static class AppointmentReminderRule
{
    /// <summary>Too close to the session for a reminder to help (booked at the last minute): none is sent.</summary>
    public static readonly TimeSpan MinimumNotice = TimeSpan.FromHours(2);

    public static DateTime DueUtc(DateTime sessionStartsAtUtc, string timeZoneId, TimeOnly reminderLocalTime, int daysBefore)
    {
        var sessionDate = LocalTimes.LocalDate(sessionStartsAtUtc, timeZoneId);
        return LocalTimes.ToUtc(sessionDate.AddDays(-daysBefore), reminderLocalTime, timeZoneId);
    }

    /// <summary>True when the reminder should go now: its time has come and the session is still far enough off.</summary>
    public static bool IsDue(TherapySession session, string timeZoneId, TimeOnly reminderLocalTime, int daysBefore, DateTime nowUtc) =>
        session.Status == SessionStatus.Scheduled &&
        session.ReminderSentAtUtc is null &&
        session.StartsAtUtc - nowUtc >= MinimumNotice &&
        DueUtc(session.StartsAtUtc, timeZoneId, reminderLocalTime, daysBefore) <= nowUtc;
}
