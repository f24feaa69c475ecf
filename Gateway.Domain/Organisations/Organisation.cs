namespace Buddy.Domain.Organisations;

/// <summary>
/// A tenant: a council or NHS service sharing the installation. Every other row belongs to exactly one
/// organisation, and nothing is ever read across two.
/// </summary>
public sealed class Organisation
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }

    /// <summary>Default IANA zone for new service users.</summary>
    public string TimeZoneId { get; set; } = "Europe/London";
    public MoodScale MoodScale { get; set; } = MoodScale.ZeroToTen;

    /// <summary>
    /// ISO 3166 two-letter country the service works in: how national phone numbers typed by staff are read, and
    /// whose crisis numbers a person gets when their own number says nothing else. Great Britain by default.
    /// </summary>
    public string CountryCode { get; set; } = "GB";

    /// <summary>Sent at once to anyone whose reply signals risk.</summary>
    public string CrisisMessage { get; set; } = DefaultTexts.Crisis;
    public string HelpMessage { get; set; } = DefaultTexts.Help;

    public string? DutyContactName { get; set; }
    public string? DutyContactPhone { get; set; }
    public string? DutyContactEmail { get; set; }

    /// <summary>No text is ever sent between these local times (the window may wrap past midnight).</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(21, 30);
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>After downtime, a missed check-in is still sent if it is no later than this.</summary>
    public int CatchUpWindowMinutes { get; set; } = 120;

    /// <summary>Outbound pace per sending number, within the provider's limits.</summary>
    public double SendRatePerSecond { get; set; } = 1.0;

    /// <summary>Engagement alert thresholds: this many low scores in a row, this many silent days.</summary>
    public int LowMoodStreak { get; set; } = 3;
    public int NoReplyDays { get; set; } = 4;

    /// <summary>Deterioration flag: a drop of this much against the service user's own baseline.</summary>
    public double DeteriorationDrop { get; set; } = 2.0;

    public DateTime CreatedAtUtc { get; set; }
}
