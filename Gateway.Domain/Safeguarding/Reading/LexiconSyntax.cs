namespace Buddy.Domain.Safeguarding.Reading;

/// <summary>
/// Expands one lexicon entry into the word sequences it stands for: "(take|took) my (own)? life" gives
/// "take my life", "take my own life", "took my life", "took my own life"; "kill~" gives kill, kills, killed...
/// Words keep a trailing '*' (any ending) and '#' (any number) for the matcher.
/// </summary>
internal static class LexiconSyntax
{
    public static IEnumerable<string[]> Expand(string entry, Func<string, IEnumerable<string>> textSpeak)
    {
        IEnumerable<List<string>> sequences = [[]];
        foreach (var slot in Slots(entry))
        {
            var choices = slot.SelectMany(alternative => WordsOf(alternative, textSpeak)).ToList();
            sequences = sequences.SelectMany(prefix => choices.Select(choice => (List<string>)[.. prefix, .. choice])).ToList();
        }

        return sequences.Where(s => s.Count > 0).Select(s => s.ToArray());
    }

    /// <summary>Each slot is a list of alternatives (each a space-separated word sequence; "" when the slot is optional).</summary>
    private static IEnumerable<List<string>> Slots(string entry)
    {
        var i = 0;
        while (i < entry.Length)
        {
            if (entry[i] == ' ')
            {
                i++;
                continue;
            }

            if (entry[i] == '(')
            {
                var close = entry.IndexOf(')', i);
                if (close < 0)
                {
                    throw new FormatException($"Risk lexicon entry '{entry}' has an unclosed '('.");
                }

                var alternatives = entry[(i + 1)..close].Split('|').Select(a => a.Trim()).ToList();
                i = close + 1;
                if (i < entry.Length && entry[i] == '?')
                {
                    alternatives.Add("");
                    i++;
                }

                yield return alternatives;
                continue;
            }

            var end = entry.IndexOf(' ', i);
            end = end < 0 ? entry.Length : end;
            yield return [entry[i..end]];
            i = end;
        }
    }

    /// <summary>One alternative as the word sequences it expands to (several when a word has '~').</summary>
    private static IEnumerable<IEnumerable<string>> WordsOf(string alternative, Func<string, IEnumerable<string>> textSpeak)
    {
        IEnumerable<List<string>> sequences = [[]];
        foreach (var word in Normalise(alternative).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            IEnumerable<IEnumerable<string>> forms = word.EndsWith('~')
                ? Inflections.Of(word[..^1]).Select(f => (IEnumerable<string>)[f])
                : word.EndsWith('*') || word == "#" ? [[word]] : [textSpeak(word)];
            sequences = sequences.SelectMany(prefix => forms.Select(form => (List<string>)[.. prefix, .. form])).ToList();
        }

        return sequences;
    }

    public static string Normalise(string word) =>
        word.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal).Replace("\u2019", "", StringComparison.Ordinal).Replace("-", " ", StringComparison.Ordinal).Trim();
}
