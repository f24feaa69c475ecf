using Buddy.Domain.Templates;

namespace Buddy.Tests.Templates;

public class SmsSegmentsTests
{
    private static string Repeat(string s, int count) => string.Concat(Enumerable.Repeat(s, count));

    /// <summary>text, encoding, units, segments, remaining in the last segment.</summary>
    public static TheoryData<string, string, SmsEncoding, int, int, int> Cases => new()
    {
        { "empty", "", SmsEncoding.Gsm7, 0, 0, 160 },
        { "short", "Hello", SmsEncoding.Gsm7, 5, 1, 155 },
        { "exactly one part", Repeat("a", 160), SmsEncoding.Gsm7, 160, 1, 0 },
        { "one over", Repeat("a", 161), SmsEncoding.Gsm7, 161, 2, 145 },
        { "exactly two parts", Repeat("a", 306), SmsEncoding.Gsm7, 306, 2, 0 },
        { "into a third part", Repeat("a", 307), SmsEncoding.Gsm7, 307, 3, 152 },
        { "euro counts double", "€", SmsEncoding.Gsm7, 2, 1, 158 },
        { "80 euros fill one part", Repeat("€", 80), SmsEncoding.Gsm7, 160, 1, 0 },
        { "81 euros need two", Repeat("€", 81), SmsEncoding.Gsm7, 162, 2, 143 },
        { "escape never split across parts", Repeat("a", 152) + "€" + Repeat("a", 10), SmsEncoding.Gsm7, 164, 2, 141 },
        { "every extension character doubles", "^{}\\[~]|", SmsEncoding.Gsm7, 16, 1, 144 },
        { "GSM accents and Greek", "èéùìòÇØøÅåÄÖÑÜäöñüàΔΦΓΛΩΠΨΣΘΞ", SmsEncoding.Gsm7, 29, 1, 131 },
        { "newlines are one each", "a\r\nb", SmsEncoding.Gsm7, 4, 1, 156 },
        { "curly apostrophe forces UCS-2", "How’s today?", SmsEncoding.Ucs2, 12, 1, 58 },
        { "lower-case c cedilla is not GSM", "ç", SmsEncoding.Ucs2, 1, 1, 69 },
        { "exactly one UCS-2 part", Repeat("ж", 70), SmsEncoding.Ucs2, 70, 1, 0 },
        { "one over in UCS-2", Repeat("ж", 71), SmsEncoding.Ucs2, 71, 2, 63 },
        { "emoji is two code units", "😀", SmsEncoding.Ucs2, 2, 1, 68 },
        { "surrogate pair never split", Repeat("a", 66) + "😀" + Repeat("a", 5), SmsEncoding.Ucs2, 73, 2, 60 },
        { "euro in UCS-2 is one unit", "€ж", SmsEncoding.Ucs2, 2, 1, 68 },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Measure_WhenGivenText_CountsUnitsAndSegmentsLikeCarriers(string because, string text, SmsEncoding encoding, int units, int segments, int remaining)
    {
        var length = SmsSegments.Measure(text);

        Assert.True(encoding == length.Encoding, because);
        Assert.Equal((units, segments, remaining), (length.Units, length.Segments, length.RemainingInSegment));
    }

    [Fact]
    public void Measure_WhenNonGsmCharactersAppear_NamesEachOnceInOrder()
    {
        var length = SmsSegments.Measure("It’s “fine” ’ 😀");

        Assert.Equal(["’", "“", "”", "😀"], length.NonGsmCharacters);
        Assert.Equal(SmsSegments.Ucs2Single, length.UnitsPerSegment);
    }

    [Fact]
    public void Measure_WhenSplit_ReportsTheMultipartLimit()
    {
        Assert.Equal(SmsSegments.Gsm7Multi, SmsSegments.Measure(Repeat("a", 200)).UnitsPerSegment);
        Assert.Equal(SmsSegments.Ucs2Multi, SmsSegments.Measure(Repeat("ж", 100)).UnitsPerSegment);
    }
}
