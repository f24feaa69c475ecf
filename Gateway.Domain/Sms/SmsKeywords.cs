namespace Buddy.Domain.Sms;

/// <summary>
/// Recognises the carrier-standard opt-out, opt-in and help words. A reply is a keyword only when the whole
/// text is that word (any case, surrounding spaces or punctuation allowed): "stop." is an opt-out, "stop texting
/// me so late" is a diary reply for a person to read.
/// </summary>
public static class SmsKeywords
{
    private static readonly HashSet<string> s_optOut = new(StringComparer.OrdinalIgnoreCase)
    {
        "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
    };

    private static readonly HashSet<string> s_optIn = new(StringComparer.OrdinalIgnoreCase) { "START", "YES", "UNSTOP" };

    private static readonly HashSet<string> s_help = new(StringComparer.OrdinalIgnoreCase) { "HELP", "INFO" };

    /// <summary>
    /// Twilio's own classification (<c>OptOutType</c>: STOP, START or HELP) wins when present: the provider has
    /// already acted on it (blocked or unblocked the number), so Buddy must agree with it.
    /// </summary>
    public static SmsKeyword Classify(string? body, string? providerOptOutType = null)
    {
        return Classify(body, providerOptOutType, senderIsOptedOut: true);
    }

    /// <summary>
    /// As <see cref="Classify(string?, string?)"/>, except that YES, an everyday answer ("did you sleep well?"),
    /// restarts texts only for someone who had stopped them; START and UNSTOP always count.
    /// </summary>
    public static SmsKeyword Classify(string? body, string? providerOptOutType, bool senderIsOptedOut)
    {
        switch (providerOptOutType?.Trim().ToUpperInvariant())
        {
            case "STOP":
                return SmsKeyword.OptOut;
            case "START":
                return SmsKeyword.OptIn;
            case "HELP":
                return SmsKeyword.Help;
        }

        var word = Unpad(body ?? "");
        if (word.Length == 0)
        {
            return SmsKeyword.None;
        }

        return s_optOut.Contains(word) ? SmsKeyword.OptOut
            : s_optIn.Contains(word) && (senderIsOptedOut || !word.Equals("YES", StringComparison.OrdinalIgnoreCase)) ? SmsKeyword.OptIn
            : s_help.Contains(word) ? SmsKeyword.Help
            : SmsKeyword.None;
    }

    /// <summary>Strips the spaces and punctuation people (and phone keyboards) put round a single word: " Stop! ", "'STOP'".</summary>
    private static string Unpad(string text)
    {
        var span = text.AsSpan();
        var start = 0;
        var end = span.Length;
        while (start < end && IsPadding(span[start]))
        {
            start++;
        }

        while (end > start && IsPadding(span[end - 1]))
        {
            end--;
        }

        return span[start..end].ToString();
    }

    private static bool IsPadding(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c);
}
