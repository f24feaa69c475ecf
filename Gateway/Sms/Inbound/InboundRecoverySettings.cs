using System.Text.RegularExpressions;
using Buddy.Gateway.Hosting;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// <c>Sms:Inbound:Recovery</c>: reading Twilio's own log for texts the webhook never delivered (refused by the rate
/// limiter, answered 503 in a database outage, sent while the gateway was down). On by default with Twilio.
/// </summary>
public sealed partial record InboundRecoverySettings(bool Enabled, TimeSpan Interval, TimeSpan Overlap, IReadOnlyList<string> Numbers)
{
    public const string Section = "Sms:Inbound:Recovery";

    /// <summary>The section bound and checked (<see cref="Settings"/>); a bad value stops start-up naming it.</summary>
    public static InboundRecoverySettings Read(IConfiguration configuration, SmsProvider provider) =>
        Settings.Read<Text, InboundRecoverySettings>(configuration, Section, text => Checked(text, provider));

    private static InboundRecoverySettings Checked(Text text, SmsProvider provider)
    {
        var enabled = ConfigurationValues.TrueOrFalse(text.Enabled, $"{Section}:Enabled", provider == SmsProvider.Twilio);
        var numbers = ConfigurationValues.Entries(
            text.Numbers, $"{Section}:Numbers", "a number in E.164 form such as +447700900123", (string number, out string e164) => E164().IsMatch(e164 = number));
        return new InboundRecoverySettings(
            enabled,
            TimeSpan.FromSeconds(ConfigurationValues.PositiveNumber(text.IntervalSeconds, $"{Section}:IntervalSeconds", 300)),
            TimeSpan.FromSeconds(ConfigurationValues.PositiveNumber(text.OverlapSeconds, $"{Section}:OverlapSeconds", 900)),
            numbers.Distinct(StringComparer.Ordinal).ToList());
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    /// <summary>The section as typed: text, so a bad value is quoted back in the sentence naming it.</summary>
    private sealed class Text
    {
        public string? Enabled { get; set; }

        public string? IntervalSeconds { get; set; }

        public string? OverlapSeconds { get; set; }

        public IConfigurationSection? Numbers { get; set; }
    }
}
