using System.Text.RegularExpressions;
using Buddy.Domain.Phones;
using Buddy.Gateway.Hosting;

namespace Buddy.Gateway.Sms.Twilio;

/// <summary>
/// The <c>Twilio</c> section. The auth token also signs webhooks, so it is read even with the simulator (tests
/// and staging sign their own requests); the rest is required only when <c>Sms:Provider</c> is Twilio.
/// </summary>
public sealed partial record TwilioSettings(
    string? AccountSid, string? AuthToken, string? From, string? MessagingServiceSid, Uri BaseUrl, Uri? PublicBaseUrl, TimeSpan RequestTimeout)
{
    public const string Section = "Twilio";

    /// <summary>The section bound and checked (<see cref="Settings"/>); a bad value stops start-up naming it.</summary>
    public static TwilioSettings Read(IConfiguration configuration, SmsProvider provider) =>
        Settings.Read<Text, TwilioSettings>(configuration, Section, text => Checked(text, provider));

    private static TwilioSettings Checked(Text text, SmsProvider provider)
    {
        var settings = new TwilioSettings(
            Value(text.AccountSid),
            Value(text.AuthToken),
            Value(text.From),
            Value(text.MessagingServiceSid),
            AbsoluteUrl(text.BaseUrl, "Twilio:BaseUrl") ?? new Uri("https://api.twilio.com"),
            AbsoluteUrl(text.PublicBaseUrl, "Twilio:PublicBaseUrl"),
            TimeSpan.FromSeconds(ConfigurationValues.PositiveNumber(text.RequestTimeoutSeconds, "Twilio:RequestTimeoutSeconds", 10)));

        if (provider == SmsProvider.Twilio)
        {
            settings.CheckCanSend();

            // "+44 7700 900001" as typed, sent and compared as +447700900001.
            settings = settings with { From = settings.From is { } from ? PhoneNumberReader.ReadInternational(from).E164 : null };
        }

        return settings;
    }

    /// <summary>The sender Twilio is asked to use; outbound pace is kept per sender.</summary>
    public string SenderId => From ?? MessagingServiceSid ?? "twilio";

    /// <summary>The public URL for a path on this gateway (behind a proxy), or null when Twilio:PublicBaseUrl is unset.</summary>
    public Uri? PublicUrl(string pathAndQuery) =>
        PublicBaseUrl is { } publicBase ? new Uri(publicBase.AbsoluteUri.TrimEnd('/') + pathAndQuery) : null;

    private void CheckCanSend()
    {
        if (AccountSid is null)
        {
            throw new BadConfigurationException("Twilio:AccountSid is required when Sms:Provider is Twilio (it starts with AC, from the Twilio console).");
        }

        if (!AccountSidPattern().IsMatch(AccountSid))
        {
            throw new BadConfigurationException("Twilio:AccountSid must be 'AC' followed by 32 hexadecimal characters, as shown in the Twilio console.");
        }

        if (AuthToken is null)
        {
            throw new BadConfigurationException("Twilio:AuthToken is required when Sms:Provider is Twilio (set it as the environment variable Twilio__AuthToken, never in a committed file).");
        }

        if (From is null && MessagingServiceSid is null)
        {
            throw new BadConfigurationException("Twilio:From or Twilio:MessagingServiceSid is required when Sms:Provider is Twilio, so Twilio knows which number sends the texts.");
        }

        if (From is not null && PhoneNumberReader.ReadInternational(From) is { IsValid: false } from)
        {
            throw new BadConfigurationException($"Twilio:From must be the Twilio number texts are sent from, in international format like +447700900123 (or set Twilio:MessagingServiceSid instead): {from.Problem}.");
        }

        if (MessagingServiceSid is not null && !MessagingServicePattern().IsMatch(MessagingServiceSid))
        {
            throw new BadConfigurationException("Twilio:MessagingServiceSid must be 'MG' followed by 32 hexadecimal characters, as shown in the Twilio console.");
        }
    }

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Uri? AbsoluteUrl(string? typed, string key)
    {
        var text = Value(typed);
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new BadConfigurationException($"{key} is '{text}', but it must be an absolute http(s) URL such as https://buddy.example.org.");
    }

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex("^MG[0-9a-fA-F]{32}$")]
    private static partial Regex MessagingServicePattern();

    /// <summary>The section as typed: text, so a bad value is quoted back in the sentence naming it.</summary>
    private sealed class Text
    {
        public string? AccountSid { get; set; }

        public string? AuthToken { get; set; }

        public string? From { get; set; }

        public string? MessagingServiceSid { get; set; }

        public string? BaseUrl { get; set; }

        public string? PublicBaseUrl { get; set; }

        public string? RequestTimeoutSeconds { get; set; }
    }
}
