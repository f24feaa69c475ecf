using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Buddy.Gateway.Sms.Twilio;

/// <summary>
/// Checks <c>X-Twilio-Signature</c>: base64(HMAC-SHA1(auth token, full URL + each parameter's name and value,
/// names sorted ordinally, a repeated name's distinct values sorted)). Like Twilio's SDKs it also accepts the
/// URL without its port, or with the scheme's default port added, and with an apostrophe in the query either
/// raw or as %27, because proxies and Twilio's own URL handling differ on both.
/// <para>
/// Hand-written although the Twilio SDK is a dependency: the SDK's <c>RequestValidator</c> (8.2.0) gives the wrong
/// answer on 7 of the 40 published vectors in shared/twilio/signature-vectors.json (a repeated parameter name,
/// a signature over the URL with :443 added, an apostrophe raw on one side and %27 on the other) and throws on an
/// empty signature instead of refusing it. <c>TwilioSdkUsageTests</c> pins that, so a fixed SDK shows up there.
/// </para>
/// </summary>
public static class TwilioSignature
{
    public const string HeaderName = "X-Twilio-Signature";

    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var sorted = parameters.ToArray();
        Sort(sorted);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        Hash(Encoding.UTF8.GetBytes(authToken), url, sorted, hash);
        return Convert.ToBase64String(hash);
    }

    /// <summary>A form-encoded webhook (SMS, status callbacks): the parameters are part of what was signed.</summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature) =>
        IsValidSortingInPlace(authToken, url, parameters.ToArray(), signature);

    /// <summary>
    /// <see cref="IsValid"/> for a caller that hands over parameters it owns (the webhook filter's pooled array): they
    /// are sorted in place, not copied.
    /// </summary>
    internal static bool IsValidSortingInPlace(string authToken, string url, Span<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken))
        {
            return false;
        }

        // Every webhook is checked, so this is written to allocate little: the URL and parameters are encoded straight
        // into one pooled buffer, and the URL as received (what Twilio signed, almost always) is tried before any
        // variant of it is built.
        var key = Encoding.UTF8.GetBytes(authToken);
        Sort(parameters);
        return Matches(key, url, parameters, signature) || MatchesAVariant(key, url, parameters.ToArray(), signature);
    }

    /// <summary>Kept out of the common path: its lambda's captured state would otherwise be allocated on every call.</summary>
    private static bool MatchesAVariant(byte[] key, string url, KeyValuePair<string, string>[] sorted, string signature) =>
        UrlVariants(url).Skip(1).Any(candidate => Matches(key, candidate, sorted, signature));

    /// <summary>Names sorted ordinally and a repeated name's values sorted, so a repeated value sits next to its twin.</summary>
    private static void Sort(Span<KeyValuePair<string, string>> parameters) =>
        parameters.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key) is var byName and not 0 ? byName : string.CompareOrdinal(a.Value, b.Value));

    /// <summary>A value repeated under the same name is signed once.</summary>
    private static bool IsRepeat(ReadOnlySpan<KeyValuePair<string, string>> sorted, int i) =>
        i > 0 && string.Equals(sorted[i].Key, sorted[i - 1].Key, StringComparison.Ordinal) && string.Equals(sorted[i].Value, sorted[i - 1].Value, StringComparison.Ordinal);

    private static bool Matches(byte[] key, string url, ReadOnlySpan<KeyValuePair<string, string>> sorted, string signature)
    {
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        Hash(key, url, sorted, hash);
        Span<char> expected = stackalloc char[28]; // base64 of 20 bytes
        return Convert.TryToBase64Chars(hash, expected, out var written)
            && CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(expected[..written]), MemoryMarshal.AsBytes(signature.AsSpan()));
    }

    /// <summary>HMAC-SHA1 of the URL and each sorted parameter's name and value joined, in UTF-8.</summary>
    private static void Hash(byte[] key, string url, ReadOnlySpan<KeyValuePair<string, string>> sorted, Span<byte> hash)
    {
        var length = Encoding.UTF8.GetByteCount(url);
        for (var i = 0; i < sorted.Length; i++)
        {
            if (!IsRepeat(sorted, i))
            {
                length += Encoding.UTF8.GetByteCount(sorted[i].Key) + Encoding.UTF8.GetByteCount(sorted[i].Value);
            }
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(url, buffer);
            for (var i = 0; i < sorted.Length; i++)
            {
                if (!IsRepeat(sorted, i))
                {
                    written += Encoding.UTF8.GetBytes(sorted[i].Key, buffer.AsSpan(written));
                    written += Encoding.UTF8.GetBytes(sorted[i].Value, buffer.AsSpan(written));
                }
            }

            // SHA-1 is Twilio's choice, not ours; HMAC-SHA1 remains sound as a MAC.
#pragma warning disable CA5350
            HMACSHA1.HashData(key, buffer.AsSpan(0, written), hash);
#pragma warning restore CA5350
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A JSON-bodied webhook: Twilio puts bodySHA256 (hex SHA-256 of the raw body) in the query and signs the URL
    /// alone; valid only when both the signature and the hash match.
    /// </summary>
    public static bool IsValidJsonBody(string authToken, string url, string body, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken) || BodyHashIn(url) is not { } hash || !BodyHashMatches(body, hash))
        {
            return false;
        }

        return UrlVariants(url).Any(candidate => FixedTimeEquals(Compute(authToken, candidate, []), signature));
    }

    public static bool BodyHashMatches(string body, string expectedHex) =>
        FixedTimeEquals(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))), expectedHex.ToLowerInvariant());

    /// <summary>The URL as received, then without its port or with the default port, each with the quote raw or escaped.</summary>
    internal static IEnumerable<string> UrlVariants(string url)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var portVariant in PortVariants(url))
        {
            foreach (var candidate in new[] { portVariant, QuoteEscaped(portVariant), QuoteUnescaped(portVariant) })
            {
                if (seen.Add(candidate))
                {
                    yield return candidate;
                }
            }
        }
    }

    private static IEnumerable<string> PortVariants(string url)
    {
        yield return url;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            yield break;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url[authorityStart..authorityEnd];
        var hostStart = authority.LastIndexOf('@') + 1;
        var colon = authority.LastIndexOf(':');
        var hasPort = colon > hostStart && colon > authority.LastIndexOf(']') && authority[(colon + 1)..].All(char.IsAsciiDigit) && colon < authority.Length - 1;
        if (hasPort)
        {
            yield return string.Concat(url.AsSpan(0, authorityStart + colon), url.AsSpan(authorityEnd));
        }
        else if (url[..schemeEnd].ToLowerInvariant() is "https" or "http")
        {
            var port = url[..schemeEnd].Equals("https", StringComparison.OrdinalIgnoreCase) ? ":443" : ":80";
            yield return string.Concat(url.AsSpan(0, authorityEnd), port, url.AsSpan(authorityEnd));
        }
    }

    private static string QuoteEscaped(string url) => WithQuery(url, q => q.Replace("'", "%27", StringComparison.Ordinal));

    private static string QuoteUnescaped(string url) => WithQuery(url, q => q.Replace("%27", "'", StringComparison.OrdinalIgnoreCase));

    private static string WithQuery(string url, Func<string, string> change)
    {
        var question = url.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? url : string.Concat(url.AsSpan(0, question), change(url[question..]));
    }

    private static string? BodyHashIn(string url)
    {
        var question = url.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return null;
        }

        foreach (var pair in url[(question + 1)..].Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair[..equals] == "bodySHA256")
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
