namespace Buddy.Gateway.Sms.Twilio;

/// <summary>
/// Plain-words meanings of the Twilio error codes Buddy meets most, for the failed-delivery list staff read.
/// Source: Twilio's error dictionary (twilio.com/docs/api/errors).
/// </summary>
public static class TwilioErrorCodes
{
    public const string TooManyRequests = "20429";
    public const string InvalidToNumber = "21211";
    public const string Unsubscribed = "21610";
    public const string NotMobile = "21614";

    private static readonly Dictionary<string, string> s_descriptions = new(StringComparer.Ordinal)
    {
        ["20003"] = "Twilio refused Buddy's credentials: check Twilio:AccountSid and Twilio:AuthToken.",
        ["20404"] = "Twilio could not find the account or resource Buddy asked for.",
        ["20429"] = "Twilio was too busy and asked Buddy to slow down; the text was retried later.",
        ["21211"] = "The phone number is not a valid number.",
        ["21408"] = "Texts to this country are not enabled on the Twilio account.",
        ["21606"] = "The sending number cannot send texts to this destination.",
        ["21608"] = "Trial accounts can only text verified numbers.",
        ["21610"] = "The person texted STOP, so no texts can reach them until they text START.",
        ["21612"] = "Twilio cannot route texts between the sending number and this number.",
        ["21614"] = "The number is not a mobile number (for example a landline), so it cannot receive texts.",
        ["21617"] = "The text was too long (over 1,600 characters).",
        ["30003"] = "The phone was unreachable (switched off or out of signal) and the network gave up.",
        ["30004"] = "The text was blocked by the network or the person's phone.",
        ["30005"] = "The number does not exist or is no longer in service.",
        ["30006"] = "The number is a landline or cannot receive texts.",
        ["30007"] = "The network filtered the text as possible spam.",
        ["30008"] = "The network could not deliver the text for an unknown reason.",
        ["30032"] = "The sending number is not registered for texting in this country.",
    };

    /// <summary>A sentence for staff, or a generic one naming the code when it is not in the table.</summary>
    public static string Describe(string? code) =>
        code is null ? "No error was reported."
        : s_descriptions.TryGetValue(code, out var text) ? text
        : $"Twilio reported error {code} (see twilio.com/docs/api/errors/{code}).";
}
