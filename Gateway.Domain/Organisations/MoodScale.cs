namespace Buddy.Domain.Organisations;

/// <summary>How an organisation asks for a mood score. Entries keep the scale they were given in.</summary>
public enum MoodScale
{
    /// <summary>0 (worst) to 10 (best): the default.</summary>
    ZeroToTen,

    /// <summary>1 to 10.</summary>
    OneToTen,

    /// <summary>Buddy's original day rating: 1 "well below average" to 5 "well above average".</summary>
    OneToFive,
}

public static class MoodScaleExtensions
{
    public static int Minimum(this MoodScale scale) => scale == MoodScale.ZeroToTen ? 0 : 1;

    public static int Maximum(this MoodScale scale) => scale == MoodScale.OneToFive ? 5 : 10;

    /// <summary>Maps a score onto 0-10 so trends can be drawn on one axis without mixing scales up.</summary>
    public static double ToTenPointScale(this MoodScale scale, double score) => scale switch
    {
        MoodScale.ZeroToTen => score,
        MoodScale.OneToTen => (score - 1) * 10.0 / 9.0,
        MoodScale.OneToFive => (score - 1) * 10.0 / 4.0,
        _ => throw new ArgumentOutOfRangeException(nameof(scale)),
    };
}
