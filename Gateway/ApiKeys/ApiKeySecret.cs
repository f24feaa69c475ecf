using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Buddy.Gateway.ApiKeys;

/// <summary>
/// A new API key and what is stored about it. The key is 40 random base-62 characters after "bdy_" (about 238
/// bits): shown once, never stored. Only its SHA-256 is kept, and a key is found by looking that hash up, so
/// no secret is ever compared character by character.
/// </summary>
public sealed record ApiKeySecret(string Key, string Prefix, string Hash)
{
    public const string KeyStart = "bdy_";
    private const int RandomLength = 40;
    private const int PrefixLength = 12;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly SearchValues<char> s_alphabet = SearchValues.Create(Alphabet);

    public static ApiKeySecret Generate()
    {
        var key = KeyStart + RandomNumberGenerator.GetString(Alphabet, RandomLength);
        return new ApiKeySecret(key, key[..PrefixLength], HashOf(key));
    }

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>True when the text could be a key at all, so junk is refused without a database query.</summary>
    public static bool LooksLikeKey(string text) =>
        text.Length == KeyStart.Length + RandomLength && text.StartsWith(KeyStart, StringComparison.Ordinal) && text.AsSpan(KeyStart.Length).IndexOfAnyExcept(s_alphabet) < 0;
}
