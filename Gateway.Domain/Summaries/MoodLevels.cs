using Buddy.Domain.Organisations;

namespace Buddy.Domain.Summaries;

/// <summary>What counts as a low mood, whatever scale the score was given in.</summary>
public static class MoodLevels
{
    /// <summary>Scores at or below 3 on the 0-10 scale (2 of 1-5, 3.7 of 1-10) are low.</summary>
    public const double LowOnTenPointScale = 3.0;

    public static bool IsLow(MoodScale scale, double score) => scale.ToTenPointScale(score) <= LowOnTenPointScale + 1e-9;

    /// <summary>"6/10", "3/5", "6.5/10": a score shown in the scale it was given in.</summary>
    public static string Display(MoodScale scale, double score) =>
        $"{score.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}/{scale.Maximum()}";

    /// <summary>The inverse of <see cref="MoodScaleExtensions.ToTenPointScale"/>: a 0-10 value in a scale's own points.</summary>
    public static double FromTenPointScale(MoodScale scale, double tenPoint) =>
        scale.Minimum() + (tenPoint * (scale.Maximum() - scale.Minimum()) / 10.0);
}
