using Buddy.Domain.Organisations;

namespace Buddy.Domain.Replies;

/// <summary>A mood scale as people write it ("0-10", "1-10", "1-5").</summary>
public static class MoodScaleText
{
    public static string ToRangeText(this MoodScale scale) => scale switch
    {
        MoodScale.ZeroToTen => "0-10",
        MoodScale.OneToTen => "1-10",
        MoodScale.OneToFive => "1-5",
        _ => throw new ArgumentOutOfRangeException(nameof(scale)),
    };

    public static bool TryParse(string? text, out MoodScale scale)
    {
        foreach (var candidate in Enum.GetValues<MoodScale>())
        {
            if (string.Equals(text?.Trim(), candidate.ToRangeText(), StringComparison.Ordinal)
                || string.Equals(text?.Trim(), candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                scale = candidate;
                return true;
            }
        }

        scale = MoodScale.ZeroToTen;
        return false;
    }
}
