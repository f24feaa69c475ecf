using Buddy.Domain.Schedules;
using Buddy.Domain.Time;

namespace Buddy.Domain.Conversations;

/// <summary>Moves a text Buddy starts (not a reply) out of the person's quiet hours.</summary>
public static class QuietHoursDeferral
{
    /// <summary><paramref name="nowUtc"/> when outside quiet hours, otherwise the moment they end.</summary>
    public static DateTime NotBeforeUtc(DateTime nowUtc, string timeZoneId, QuietHours quietHours)
    {
        var local = LocalTimes.ToLocal(nowUtc, timeZoneId);
        var time = new TimeOnly(local.Hour, local.Minute, local.Second);
        if (!quietHours.Contains(time))
        {
            return nowUtc;
        }

        var date = local.Date.ToDateOnly();
        var endDate = time >= quietHours.End ? date.AddDays(1) : date;
        return LocalTimes.ToUtc(endDate, quietHours.End, timeZoneId);
    }
}
