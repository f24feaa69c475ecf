using System.Text;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Safeguarding.Reading;

namespace Buddy.Tests.Safeguarding;

/// <summary>The entries of risk-lexicon.json as plain word sequences, for tests that go over every entry.</summary>
internal static class RiskLexiconEntries
{
    private static readonly RiskLexicon s_lexicon = RiskDetector.Default.Lexicon;

    /// <summary>Families whose words, alone, are a disclosure: each entry must read High on its own.</summary>
    public static readonly string[] StandaloneHighFamilies =
        ["suicide", "selfharm", "overdose", "burden", "farewell", "abuse", "exploit", "coercion", "affairs", "act", "plan"];

    /// <summary>The first wording of each entry of a family (alternatives and inflections give more; one is enough to read).</summary>
    public static IEnumerable<string> FirstWordings(string family) =>
        s_lexicon.Families[family].Where(e => !e.Contains('*', StringComparison.Ordinal) && !e.Contains('#', StringComparison.Ordinal))
            .Select(e => string.Join(' ', LexiconSyntax.Expand(e, w => [w]).First()));

    public static IEnumerable<string> Idioms() =>
        s_lexicon.Idioms.Where(e => !e.Contains('*', StringComparison.Ordinal) && !e.Contains('#', StringComparison.Ordinal))
            .Select(e => string.Join(' ', LexiconSyntax.Expand(e, w => [w]).First()));

    /// <summary>Every entry of every family and every idiom, every expansion, normalised.</summary>
    public static HashSet<string> AllExpanded() =>
    [
        .. s_lexicon.Families.Values.SelectMany(v => v).Concat(s_lexicon.Idioms)
            .SelectMany(e => LexiconSyntax.Expand(e, w => [w]))
            .Select(words => Normalise(string.Join(' ', words))),
    ];

    /// <summary>Every entry of every family (not the idioms), every expansion, normalised.</summary>
    public static HashSet<string> FamilyEntriesExpanded() =>
    [
        .. s_lexicon.Families.Values.SelectMany(v => v)
            .SelectMany(e => LexiconSyntax.Expand(e, w => [w]))
            .Select(words => Normalise(string.Join(' ', words))),
    ];

    /// <summary>Lower case, apostrophes dropped, anything else that is not a letter or digit a space.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is '\'' or '\u2019')
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
