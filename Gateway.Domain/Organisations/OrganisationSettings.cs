using System.Net.Mail;
using Buddy.Domain.Phones;
using Buddy.Domain.Time;
using Buddy.Domain.Validation;

namespace Buddy.Domain.Organisations;

/// <summary>The defaults a service manager sets for their organisation, with the bounds that keep them safe.</summary>
public sealed record OrganisationSettings
{
    public const int MaxTextLength = 612;
    public const int MaxCatchUpMinutes = 12 * 60;
    public const double MaxSendRate = 30;

    public string TimeZoneId { get; init; } = "Europe/London";
    public MoodScale MoodScale { get; init; }
    public string CrisisMessage { get; init; } = "";
    public string HelpMessage { get; init; } = "";
    public string? DutyContactName { get; init; }
    public string? DutyContactPhone { get; init; }
    public string? DutyContactEmail { get; init; }
    public TimeOnly QuietHoursStart { get; init; }
    public TimeOnly QuietHoursEnd { get; init; }
    public int CatchUpWindowMinutes { get; init; }
    public double SendRatePerSecond { get; init; }
    public int LowMoodStreak { get; init; }
    public int NoReplyDays { get; init; }
    public double DeteriorationDrop { get; init; }

    public static OrganisationSettings From(Organisation o) => new()
    {
        TimeZoneId = o.TimeZoneId,
        MoodScale = o.MoodScale,
        CrisisMessage = o.CrisisMessage,
        HelpMessage = o.HelpMessage,
        DutyContactName = o.DutyContactName,
        DutyContactPhone = o.DutyContactPhone,
        DutyContactEmail = o.DutyContactEmail,
        QuietHoursStart = o.QuietHoursStart,
        QuietHoursEnd = o.QuietHoursEnd,
        CatchUpWindowMinutes = o.CatchUpWindowMinutes,
        SendRatePerSecond = o.SendRatePerSecond,
        LowMoodStreak = o.LowMoodStreak,
        NoReplyDays = o.NoReplyDays,
        DeteriorationDrop = o.DeteriorationDrop,
    };

    /// <param name="countryCode">The organisation's country, in which a national-format duty phone is read.</param>
    public FieldErrors Validate(string countryCode)
    {
        var errors = new FieldErrors();
        if (!LocalTimes.IsKnownZone(TimeZoneId))
        {
            errors.Add(nameof(TimeZoneId), "Enter a time zone from the IANA list, like Europe/London");
        }

        if (!Enum.IsDefined(MoodScale))
        {
            errors.Add(nameof(MoodScale), "Choose a mood scale");
        }

        Text(errors, nameof(CrisisMessage), CrisisMessage, "Enter the message sent to someone whose reply signals risk");
        Text(errors, nameof(HelpMessage), HelpMessage, "Enter the reply to HELP");
        if (DutyContactName is { Length: > 100 })
        {
            errors.Add(nameof(DutyContactName), "Name must be 100 characters or fewer");
        }

        // The duty contact is texted when a reply signals risk, so the phone must be a mobile.
        if (!string.IsNullOrWhiteSpace(DutyContactPhone) && PhoneNumberReader.ReadMobile(DutyContactPhone, countryCode) is { IsValid: false } phone)
        {
            errors.Add(nameof(DutyContactPhone), phone.Problem!);
        }

        if (!string.IsNullOrWhiteSpace(DutyContactEmail) && !MailAddress.TryCreate(DutyContactEmail.Trim(), out _))
        {
            errors.Add(nameof(DutyContactEmail), "Enter an email address in the correct format, like duty@example.org");
        }

        if (QuietHoursStart == QuietHoursEnd)
        {
            errors.Add(nameof(QuietHoursEnd), "Quiet hours must end at a different time from when they start");
        }

        Range(errors, nameof(CatchUpWindowMinutes), CatchUpWindowMinutes, 0, MaxCatchUpMinutes, "minutes");
        if (!(SendRatePerSecond is >= 0.1 and <= MaxSendRate))
        {
            errors.Add(nameof(SendRatePerSecond), $"Send rate must be between 0.1 and {MaxSendRate} texts a second");
        }

        Range(errors, nameof(LowMoodStreak), LowMoodStreak, 2, 14, "scores");
        Range(errors, nameof(NoReplyDays), NoReplyDays, 1, 30, "days");
        if (!(DeteriorationDrop is >= 0.5 and <= 10))
        {
            errors.Add(nameof(DeteriorationDrop), "The drop must be between 0.5 and 10 points (on a 0-10 scale)");
        }

        return errors;
    }

    public void ApplyTo(Organisation o)
    {
        o.TimeZoneId = TimeZoneId;
        o.MoodScale = MoodScale;
        o.CrisisMessage = CrisisMessage.Trim();
        o.HelpMessage = HelpMessage.Trim();
        o.DutyContactName = Blank(DutyContactName);
        o.DutyContactPhone = string.IsNullOrWhiteSpace(DutyContactPhone) ? null : PhoneNumberReader.ReadMobile(DutyContactPhone, o.CountryCode).E164;
        o.DutyContactEmail = Blank(DutyContactEmail);
        o.QuietHoursStart = QuietHoursStart;
        o.QuietHoursEnd = QuietHoursEnd;
        o.CatchUpWindowMinutes = CatchUpWindowMinutes;
        o.SendRatePerSecond = SendRatePerSecond;
        o.LowMoodStreak = LowMoodStreak;
        o.NoReplyDays = NoReplyDays;
        o.DeteriorationDrop = DeteriorationDrop;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Text(FieldErrors errors, string field, string value, string missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, missing);
        }
        else if (value.Length > MaxTextLength)
        {
            errors.Add(field, $"The message must be {MaxTextLength} characters or fewer");
        }
    }

    private static void Range(FieldErrors errors, string field, int value, int min, int max, string unit)
    {
        if (value < min || value > max)
        {
            errors.Add(field, $"Enter a number of {unit} between {min} and {max}");
        }
    }
}
