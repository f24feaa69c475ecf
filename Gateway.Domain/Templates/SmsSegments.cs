namespace Buddy.Domain.Templates;

public enum SmsEncoding
{
    /// <summary>The GSM 03.38 7-bit alphabet: 160 characters in one text, 153 per part when split.</summary>
    Gsm7,

    /// <summary>Anything outside GSM-7 (emoji, curly quotes, most accents) switches the whole text to UCS-2: 70, then 67 per part.</summary>
    Ucs2,
}

/// <summary>How long a text is in the units the network bills, and how many parts it is sent as.</summary>
/// <param name="Units">Septets for GSM-7 (an extension character such as € counts two), UTF-16 code units for UCS-2.</param>
/// <param name="UnitsPerSegment">160 or 70 for a single part; 153 or 67 once the text is split.</param>
/// <param name="RemainingInSegment">Units left before the text needs another part.</param>
/// <param name="NonGsmCharacters">The characters that forced UCS-2, so a manager can replace them (often a curly quote).</param>
public sealed record SmsLength(
    SmsEncoding Encoding, int Units, int Segments, int UnitsPerSegment, int RemainingInSegment, IReadOnlyList<string> NonGsmCharacters);

/// <summary>
/// Counts SMS parts the way carriers do. A split text carries a header in every part, which is why the limits
/// drop from 160 to 153 (GSM-7) and 70 to 67 (UCS-2), and a part never ends in the middle of an escaped GSM
/// character or a UTF-16 surrogate pair. wwwroot/js/sms-segments.js mirrors these rules for the live counter.
/// </summary>
public static class SmsSegments
{
    public const int Gsm7Single = 160;
    public const int Gsm7Multi = 153;
    public const int Ucs2Single = 70;
    public const int Ucs2Multi = 67;

    /// <summary>The GSM 03.38 basic character set (one septet each).</summary>
    internal const string Gsm7Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /// <summary>The extension table: each is sent as ESC plus a character, so it costs two septets.</summary>
    internal const string Gsm7Extension = "\f^{}\\[~]|€";

    public static SmsLength Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nonGsm = new List<string>();
        foreach (var rune in text.EnumerateRunes())
        {
            var s = rune.ToString();
            if (!(rune.IsBmp && (Gsm7Basic.Contains((char)rune.Value, StringComparison.Ordinal) || Gsm7Extension.Contains((char)rune.Value, StringComparison.Ordinal)))
                && !nonGsm.Contains(s))
            {
                nonGsm.Add(s);
            }
        }

        return nonGsm.Count == 0 ? Count(text, SmsEncoding.Gsm7, [], Gsm7Single, Gsm7Multi) : Count(text, SmsEncoding.Ucs2, nonGsm, Ucs2Single, Ucs2Multi);
    }

    private static SmsLength Count(string text, SmsEncoding encoding, List<string> nonGsm, int single, int multi)
    {
        // Each rune's cost: septets for GSM-7, UTF-16 code units for UCS-2. A rune is never split across parts.
        var costs = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            costs.Add(encoding == SmsEncoding.Gsm7
                ? (Gsm7Extension.Contains((char)rune.Value, StringComparison.Ordinal) ? 2 : 1)
                : rune.Utf16SequenceLength);
        }

        var units = costs.Sum();
        if (units == 0)
        {
            return new SmsLength(encoding, 0, 0, single, single, nonGsm);
        }

        if (units <= single)
        {
            return new SmsLength(encoding, units, 1, single, single - units, nonGsm);
        }

        var segments = 1;
        var used = 0;
        foreach (var cost in costs)
        {
            if (used + cost > multi)
            {
                segments++;
                used = 0;
            }

            used += cost;
        }

        return new SmsLength(encoding, units, segments, multi, multi - used, nonGsm);
    }
}
