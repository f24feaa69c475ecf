using System.Globalization;
using Buddy.Domain.Time;

namespace Buddy.Domain.Sessions;

/// <summary>The wording of session texts. Placeholders match the managers' AppointmentReminder template.</summary>
public static class SessionTexts
{
    public const string DefaultReminder =
        "Hi {FirstName}, a reminder: your session with {Therapist} is {When}, {Where}. Anything you want to talk about? Just reply to this text.";

    public const string AgendaThanks = "Thanks {FirstName}, I've added that to the notes for your session.";

    public const string ChangeNoticeThanks =
        "Thanks for letting us know, {FirstName}. I've told {Therapist}, who will be in touch about your appointment.";

    private static readonly CultureInfo s_english = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"tomorrow (Thu 26 Nov) at 10:00", "today at 15:30" or "on Fri 27 Nov at 09:00", in the person's zone.</summary>
    public static string When(DateTime startsAtUtc, DateTime nowUtc, string timeZoneId)
    {
        var local = LocalTimes.ToLocal(startsAtUtc, timeZoneId).ToDateTimeUnspecified();
        var today = LocalTimes.LocalDate(nowUtc, timeZoneId);
        var date = DateOnly.FromDateTime(local);
        var time = local.ToString("HH:mm", s_english);
        var day = local.ToString("ddd d MMM", s_english);
        if (date == today)
        {
            return $"today at {time}";
        }

        return date == today.AddDays(1) ? $"tomorrow ({day}) at {time}" : $"on {day} at {time}";
    }

    /// <summary>"by video", "by phone" or "at Riverside Centre, room 2".</summary>
    public static string Where(string? location) => location?.Trim() switch
    {
        null or "" => "at the usual place",
        var l when l.Equals("video", StringComparison.OrdinalIgnoreCase) => "by video",
        var l when l.Equals("phone", StringComparison.OrdinalIgnoreCase) => "by phone",
        var l when l.Equals("video/phone", StringComparison.OrdinalIgnoreCase) => "by video or phone",
        var l => $"at {l}",
    };
}
