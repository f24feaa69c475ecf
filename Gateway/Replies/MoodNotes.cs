using System.Globalization;

namespace Buddy.Gateway.Replies;

/// <summary>
/// The note beside a day's score: the trail of changes to it ("corrected from 7 to 5"), then how the current score
/// was read ("'6-7' is a range: recorded as 6.5"). A later text with a score replaces the reading note but never the
/// trail, so the therapist can always see that the score was corrected, and from what.
/// </summary>
internal static class MoodNotes
{
    private const string Separator = "; ";
    private const string Corrected = "corrected from ";
    private const string Changed = "changed from ";

    /// <param name="note">The entry's note before this text.</param>
    /// <param name="previous">The entry's score before this text, if any.</param>
    /// <param name="howRead">The parser's note on how it read <paramref name="score"/>, if it needed interpreting.</param>
    public static string? AfterScore(string? note, double? previous, double score, bool correction, string? howRead)
    {
        var parts = Trail(note);
        if (previous is { } before && before != score)
        {
            if (correction)
            {
                parts.Add($"{Corrected}{Format(before)} to {Format(score)}");
            }
            else if (parts.Count > 0)
            {
                parts.Add($"{Changed}{Format(before)} to {Format(score)} by a later text");
            }
        }

        if (howRead is not null)
        {
            parts.Add(howRead);
        }

        return parts.Count == 0 ? null : string.Join(Separator, parts);
    }

    private static List<string> Trail(string? note) =>
        note is null ? [] : [.. note.Split(Separator).Where(part => part.StartsWith(Corrected, StringComparison.Ordinal) || part.StartsWith(Changed, StringComparison.Ordinal))];

    private static string Format(double score) => score.ToString("0.##", CultureInfo.InvariantCulture);
}
