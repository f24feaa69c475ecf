using Buddy.Domain.Safeguarding;
using Buddy.Domain.Safeguarding.Rules;
using Xunit.Abstractions;

namespace Buddy.Tests.Safeguarding;

/// <summary>
/// Nothing lowers a High reply below Review: for every High wording the reader knows (every rule's examples and
/// every entry of the families that are a disclosure on their own) and every exception (idiom), negation, laughter
/// or joke marker, emoji, reassurance and high score, in every position, the reply is at least Review; and the
/// sender's own risk or harm from others stays High whatever laughter, face, reassurance or score sits beside it (LABELS.md:
/// "nothing lowers a high reply"); capitals, stretched letters and one typo in a long word do not lose a High.
/// </summary>
public sealed class RiskReaderPropertyTests(ITestOutputHelper output)
{
    private static readonly string[] s_reassurances = ["im ok", "i'm fine", "dont worry", "all good now", "im ok now x", "no worries"];
    private static readonly string[] s_emojis = ["😂", "🤣", "💀", "😊", "👍", "❤️", "😅", "🙂", "x"];
    private static readonly string[] s_scores = ["10/10", "mood 10", "a solid 8", "mood: 9"];
    private static readonly HashSet<string> s_familyEntries = RiskLexiconEntries.FamilyEntriesExpanded();
    private static readonly HashSet<string> s_entryPairs = RiskLexiconEntries.AllExpanded()
        .SelectMany(e => e.Split(' ').Zip(e.Split(' ').Skip(1), (a, b) => $"{a} {b}")).ToHashSet(StringComparer.Ordinal);

    public static IEnumerable<string> HighWordings() =>
        RuleBook.All.SelectMany(r => r.Examples)
            .Concat(RiskLexiconEntries.StandaloneHighFamilies.SelectMany(RiskLexiconEntries.FirstWordings))
            .Distinct(StringComparer.Ordinal);

    [Fact]
    public void EveryHighWording_IsHighOnItsOwn()
    {
        var notHigh = HighWordings().Where(p => RiskDetector.Default.Assess(p).Level != RiskLevel.High).ToList();

        Assert.True(notHigh.Count == 0, "Not High on their own: " + string.Join(" | ", notHigh));
    }

    [Fact]
    public void NoExceptionNegationOrMarker_TakesAHighWordingBelowReview()
    {
        var phrases = HighWordings().ToList();
        var selfOrFromOthers = RuleBook.All.Where(r => r.Direction != RiskDirection.ToOthers).SelectMany(r => r.Examples)
            .Concat(RiskLexiconEntries.StandaloneHighFamilies.SelectMany(RiskLexiconEntries.FirstWordings)).ToHashSet(StringComparer.Ordinal);
        var idioms = RiskLexiconEntries.Idioms().Distinct(StringComparer.Ordinal).ToList();
        var negations = RiskLexiconEntries.FirstWordings("negation").Distinct(StringComparer.Ordinal).ToList();
        var markers = RiskLexiconEntries.FirstWordings("joke").Concat(s_reassurances).Concat(s_emojis).Concat(s_scores).Distinct(StringComparer.Ordinal).ToList();
        var failures = new List<(string Phrase, string Why)>();
        var checkedCount = 0;

        foreach (var phrase in phrases)
        {
            foreach (var marker in markers)
            {
                // Laughter, faces, "im ok" and a high score never lower the sender's own risk or harm from others.
                var required = selfOrFromOthers.Contains(phrase) ? RiskLevel.High : RiskLevel.Review;
                Check(phrase, marker, Everywhere, required);
            }

            // An exception (an idiom such as "dying to", "killing it") anywhere in the reply never takes it below Review.
            // Typed right after the wording, an idiom whose first word joins the wording's last into a listed entry
            // makes other words ("carry on" + "living my best life" is "carry on living ..."), and a one-word idiom is a
            // word like any other ("deadline cut again" is a deadline cut), as is an idiom a family also lists ("pain
            // killer" is a medicine): those are read apart only.
            foreach (var idiom in idioms)
            {
                var wordLike = !idiom.Contains(' ', StringComparison.Ordinal) || s_familyEntries.Contains(RiskLexiconEntries.Normalise(idiom));
                Check(phrase, idiom, wordLike || JoinsIntoAnEntry(phrase, idiom) ? Apart : Everywhere, RiskLevel.Review);
            }

            foreach (var negation in negations)
            {
                Check(phrase, negation, Everywhere, RiskLevel.Review);
            }
        }

        output.WriteLine($"{phrases.Count} High wordings x ({markers.Count} markers, {idioms.Count} idioms, {negations.Count} negations): {checkedCount} replies read.");
        var byPhrase = failures.GroupBy(f => f.Phrase).Select(g => $"{g.Key} ({g.Count()}x), e.g. {g.First().Why}");
        Assert.True(failures.Count == 0, $"{failures.Count} combinations read too low:\n" + string.Join('\n', byPhrase.Take(60)));

        void Check(string phrase, string marker, Func<string, string, IEnumerable<string>> positions, RiskLevel atLeast)
        {
            foreach (var text in positions(phrase, marker))
            {
                checkedCount++;
                var level = RiskDetector.Default.Assess(text).Level;
                if (level < atLeast)
                {
                    failures.Add((phrase, $"\"{text}\" read {level}, needs at least {atLeast}"));
                }
            }
        }
    }

    [Fact]
    public void CasingStretchedLettersAndOneTypo_DoNotLoseAHigh()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var phrase in HighWordings())
        {
            foreach (var variant in Variants(phrase))
            {
                count++;
                var level = RiskDetector.Default.Assess(variant).Level;
                if (level != RiskLevel.High)
                {
                    failures.Add($"\"{variant}\" ({phrase}) read {level}");
                }
            }
        }

        output.WriteLine($"{count} variants read.");
        Assert.True(failures.Count == 0, $"{failures.Count} variants lost their High:\n" + string.Join('\n', failures.Take(60)));
    }

    /// <summary>
    /// The wording in capitals and in title case, its longest word's last letter typed four times ("dieeee"), and,
    /// when that word is a risk word of seven letters or more (shorter words and everyday words have too many
    /// neighbours to forgive), one typo in it: two inner letters swapped.
    /// </summary>
    private static IEnumerable<string> Variants(string phrase)
    {
        yield return phrase.ToUpperInvariant();
        yield return string.Join(' ', phrase.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
        var words = phrase.Split(' ');
        var longest = Array.IndexOf(words, words.MaxBy(w => w.Count(char.IsLetter)));
        var word = words[longest];
        if (word.Length >= 3 && char.IsLetter(word[^1]))
        {
            yield return Replace(words, longest, word + new string(word[^1], 3));
        }

        if (RiskDetector.Default.Lexicon.ForgivesTypo(word))
        {
            var k = word.Length / 2;
            yield return Replace(words, longest, word[..k] + word[k + 1] + word[k] + word[(k + 2)..]);
        }
    }

    private static string Replace(string[] words, int index, string word) =>
        string.Join(' ', words.Select((w, i) => i == index ? word : w));

    private static bool JoinsIntoAnEntry(string phrase, string idiom) =>
        s_entryPairs.Contains($"{RiskLexiconEntries.Normalise(phrase).Split(' ')[^1]} {RiskLexiconEntries.Normalise(idiom).Split(' ')[0]}");

    private static IEnumerable<string> Everywhere(string phrase, string marker) => [.. Beside(phrase, marker), .. Apart(phrase, marker)];

    private static IEnumerable<string> Beside(string phrase, string marker) => [$"{phrase} {marker}", $"{marker} {phrase}"];

    private static IEnumerable<string> Apart(string phrase, string marker) => [$"{phrase}, {marker}", $"{marker}. {phrase}"];
}
