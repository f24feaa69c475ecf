namespace Buddy.Domain.Safeguarding;

/// <summary>
/// One compiled phrase from risk-phrases.json: a sequence of elements, each a choice of word sequences
/// ("(take|taking) all (pills|tablets)"), optionally skippable ("(all)?").
/// </summary>
internal sealed record RiskPhrase(string Category, RiskLevel Level, string Source, RiskPhrase.Element[] Elements)
{
    internal sealed record Element(string[][] Alternatives, bool Optional);

    /// <summary>Parses the phrase syntax; <paramref name="expand"/> rewrites text-speak the same way replies are rewritten.</summary>
    public static RiskPhrase Parse(string category, RiskLevel level, string source, Func<string, IEnumerable<string>> expand)
    {
        var elements = new List<Element>();
        var i = 0;
        while (i < source.Length)
        {
            if (char.IsWhiteSpace(source[i]))
            {
                i++;
                continue;
            }

            string body;
            var optional = false;
            if (source[i] == '(')
            {
                var close = source.IndexOf(')', i);
                if (close < 0)
                {
                    throw new FormatException($"Risk phrase '{source}' has an unclosed '('.");
                }

                body = source[(i + 1)..close];
                i = close + 1;
                if (i < source.Length && source[i] == '?')
                {
                    optional = true;
                    i++;
                }
            }
            else
            {
                var end = i;
                while (end < source.Length && !char.IsWhiteSpace(source[end]))
                {
                    end++;
                }

                body = source[i..end];
                i = end;
            }

            var alternatives = body.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(alternative => alternative
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(Normalise)
                    .SelectMany(word => word.EndsWith('*') || word == "#" ? [word] : expand(word))
                    .ToArray())
                .Where(words => words.Length > 0)
                .ToArray();
            if (alternatives.Length == 0)
            {
                throw new FormatException($"Risk phrase '{source}' has an empty group.");
            }

            elements.Add(new Element(alternatives, optional));
        }

        if (elements.Count == 0 || elements[0].Optional)
        {
            throw new FormatException($"Risk phrase '{source}' must start with a required word.");
        }

        return new RiskPhrase(category, level, source, [.. elements]);
    }

    /// <summary>The letters a matching text word can start with (a-z as bits 0-25, digits as bit 26).</summary>
    public uint FirstLetters()
    {
        var bits = 0u;
        foreach (var alternative in Elements[0].Alternatives)
        {
            bits |= LetterBit(alternative[0][0]);
        }

        return bits;
    }

    public static uint LetterBit(char c) => c switch
    {
        >= 'a' and <= 'z' => 1u << (c - 'a'),
        '#' or (>= '0' and <= '9') => 1u << 26,
        _ => 1u << 27,
    };

    private static string Normalise(string word) =>
        word.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal).Replace("\u2019", "", StringComparison.Ordinal);
}
