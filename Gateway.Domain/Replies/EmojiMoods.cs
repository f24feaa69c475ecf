using System.Collections.Frozen;
using Buddy.Domain.Organisations;

namespace Buddy.Domain.Replies;

/// <summary>
/// Face emojis read as a 1-5 day rating (1 very bad ... 5 very good). Used only when a reply gives no number:
/// a face is weaker evidence than a score, so it is mapped to the middle of each band and the note says so.
/// </summary>
internal static class EmojiMoods
{
    private static readonly FrozenDictionary<int, byte> s_grades = new Dictionary<int, byte>
    {
        // 5: delighted
        [0x1F601] = 5, [0x1F600] = 5, [0x1F603] = 5, [0x1F604] = 5, [0x1F929] = 5, [0x1F970] = 5, [0x1F60D] = 5, [0x1F973] = 5, [0x1F606] = 5,
        // 4: good
        [0x1F642] = 4, [0x1F60A] = 4, [0x263A] = 4, [0x1F60C] = 4, [0x1F44D] = 4, [0x1F643] = 4, [0x1F609] = 4, [0x1F60E] = 4,
        // 3: so-so
        [0x1F610] = 3, [0x1F611] = 3, [0x1F636] = 3, [0x1F937] = 3, [0x1FAE4] = 3, [0x1F914] = 3, [0x1F644] = 3, [0x1F634] = 3,
        // 2: low
        [0x1F641] = 2, [0x2639] = 2, [0x1F615] = 2, [0x1F61F] = 2, [0x1F61E] = 2, [0x1F614] = 2, [0x1F612] = 2, [0x1F629] = 2,
        [0x1F62B] = 2, [0x1F623] = 2, [0x1F616] = 2, [0x1F44E] = 2, [0x1F620] = 2, [0x1F621] = 2, [0x1F624] = 2, [0x1F97A] = 2,
        // 1: very low
        [0x1F622] = 1, [0x1F62D] = 1, [0x1F625] = 1, [0x1F494] = 1, [0x1F630] = 1, [0x1F631] = 1, [0x1F628] = 1, [0x1F63F] = 1,
    }.ToFrozenDictionary();

    public static byte Grade(int codePoint) => s_grades.GetValueOrDefault(codePoint);

    /// <summary>A 1-5 grade (possibly an average) on the organisation's scale, to the nearest half point.</summary>
    public static double ToScale(double grade, MoodScale scale)
    {
        var value = scale == MoodScale.OneToFive ? grade : 1 + ((grade - 1) * 2);
        return Math.Round(value * 2, MidpointRounding.AwayFromZero) / 2;
    }
}
