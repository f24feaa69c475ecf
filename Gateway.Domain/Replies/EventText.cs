namespace Buddy.Domain.Replies;

/// <summary>The reply's words with the score cut out, tidied for the diary.</summary>
internal static class EventText
{
    public static string Build(ReadOnlySpan<char> text, ReadOnlySpan<ReplyToken> tokens, MoodReading mood)
    {
        var cutFrom = mood.CutStart >= 0 ? tokens[mood.CutStart].Start : -1;
        var cutTo = mood.CutEnd > mood.CutStart && mood.CutStart >= 0 ? tokens[mood.CutEnd - 1].End : -1;

        var buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (i >= cutFrom && i < cutTo)
            {
                pendingSpace = length > 0;
                continue;
            }

            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (length == 0 && IsLeadingJunk(c))
            {
                continue;
            }

            if (IsTightPunctuation(c) && length > 0 && (c == ',' || buffer[length - 1] == ',') && IsTightPunctuation(buffer[length - 1]))
            {
                continue; // "park, , home" after a cut
            }

            if (pendingSpace && !IsTightPunctuation(c))
            {
                buffer[length++] = ' ';
            }

            pendingSpace = false;
            buffer[length++] = c;
        }

        while (length > 0 && IsTrailingJunk(buffer[length - 1]))
        {
            length--;
        }

        var result = buffer[..length];
        foreach (var c in result)
        {
            if (char.IsLetterOrDigit(c))
            {
                return result.ToString();
            }
        }

        return "";
    }

    private static bool IsLeadingJunk(char c) => c is '.' or ',' or ';' or ':' or '!' or '?' or '-' or '\u2013' or '\u2014' or ')' or '/' or '*' or '~' or '=';

    private static bool IsTrailingJunk(char c) => char.IsWhiteSpace(c) || c is ',' or ';' or ':' or '-' or '\u2013' or '\u2014' or '(' or '/' or '*' or '~' or '=';

    private static bool IsTightPunctuation(char c) => c is ',' or '.' or '!' or '?' or ';' or ':';
}
