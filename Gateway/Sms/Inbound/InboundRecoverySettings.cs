using System.Text.RegularExpressions;
using Buddy.Gateway.Hosting;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// <c>Sms:Inbound:Recovery</c>: reading Twilio's own log for texts the webhook never delivered (refused by the rate
/// limiter, answered 503 in a database outage, sent while the gateway was down). On by default with Twilio.
/// </summary>
public sealed partial record InboundRecoverySettings(bool Enabled, TimeSpan Interval, TimeSpan Overlap, IReadOnlyList<string> Numbers)
{
    public static InboundRecoverySettings From(IConfiguration configuration, SmsProvider provider)
    {
        var enabledText = configuration["Sms:Inbound:Recovery:Enabled"];
        var enabled = provider == SmsProvider.Twilio;
        if (!string.IsNullOrWhiteSpace(enabledText) && !bool.TryParse(enabledText.Trim(), out enabled))
        {
            throw new BadConfigurationException($"Sms:Inbound:Recovery:Enabled is '{enabledText}', but it must be true or false.");
        }

        var numbers = configuration.GetSection("Sms:Inbound:Recovery:Numbers") is var section
            ? section.GetChildren().Select(c => c.Value).Append(section.Value)
                .Where(v => !string.IsNullOrWhiteSpace(v))
                .SelectMany(v => v!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToList()
            : [];
        foreach (var number in numbers.Where(n => !E164().IsMatch(n)))
        {
            throw new BadConfigurationException($"Sms:Inbound:Recovery:Numbers holds '{number}', but each entry must be a number in E.164 form such as +447700900123.");
        }

        return new InboundRecoverySettings(
            enabled,
            TimeSpan.FromSeconds(ConfigurationValues.PositiveNumber(configuration, "Sms:Inbound:Recovery:IntervalSeconds", 300)),
            TimeSpan.FromSeconds(ConfigurationValues.PositiveNumber(configuration, "Sms:Inbound:Recovery:OverlapSeconds", 900)),
            numbers.Distinct(StringComparer.Ordinal).ToList());
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
