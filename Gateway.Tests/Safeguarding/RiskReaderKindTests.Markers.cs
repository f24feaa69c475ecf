using Buddy.Domain.Safeguarding;

namespace Buddy.Tests.Safeguarding;

/// <summary>
/// Three kinds still missed outside the corpus: bus-catching algospeak whose marker is set off by a comma or a full
/// stop ("if you know you know"), a note the sender says is finished (C-SSRS preparatory acts: a note written), and
/// risk words describing the people a helpline volunteer or a nurse meets at work (Review, not the sender's crisis).
/// Written from published algospeak lists, the C-SSRS behaviour items and LABELS.md's professional kind; each with
/// the everyday wordings that share its words.
/// </summary>
public sealed partial class RiskReaderKindTests
{
    [Theory]
    [InlineData("all set to catch the bus, if you know you know")]
    [InlineData("think im gonna catch the bus soon... iykyk")]
    [InlineData("might just catch that bus tonight, if u know what i mean")]
    [InlineData("time to catch the bus. iykyk")]
    [InlineData("so tired, catching the bus later, for good this time")]
    public void BusCatchingAlgospeak_WithAMarkerAfterABreak_IsHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("caught the bus to town, took forever")]
    [InlineData("missed the bus again, you know how it is")]
    [InlineData("gonna catch the bus to nans, let me know if you know the times")]
    [InlineData("waited forever to catch the bus home")]
    public void BusJourneys_EvenWithTheMarkersWords_AreNotHigh(string text) => AssertNotHigh(text);

    [Theory]
    [InlineData("finished my note")]
    [InlineData("my note is written. its on the kitchen table")]
    [InlineData("done my note now")]
    [InlineData("wrote the note last night and hid it in my drawer")]
    public void Preparation_ANoteFinished_IsHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("finished my notes for the biology exam")]
    [InlineData("the gp wrote my sick note for work")]
    [InlineData("finished my thank you note to nan")]
    [InlineData("wrote a note for the milkman")]
    [InlineData("finally hit the high note in choir, finished my song")]
    public void EverydayNotes_AreNotHigh(string text) => AssertNotHigh(text);

    [Theory]
    [InlineData("did my helpline volunteer shift, two suicidal callers tonight")]
    [InlineData("long shift on the ward, three self harming patients in")]
    [InlineData("volunteer training today about supporting suicidal callers")]
    public void RiskWordsDescribingPeopleMetAtWork_AreReviewForAThirdParty(string text)
    {
        var risk = Assess(text);

        Assert.True(risk.Level == RiskLevel.Review, $"\"{text}\": {risk.Level} [{string.Join("; ", risk.Matched)}]");
        Assert.Equal(RiskSubject.ThirdParty, risk.Subject);
    }

    [Theory]
    [InlineData("on my volunteer shift and im feeling suicidal myself")]
    [InlineData("i'm a suicidal person, doing my training anyway")]
    [InlineData("work was awful, im suicidal, colleagues dont notice")]
    public void TheSendersOwnRisk_AtWork_StaysHigh(string text) => AssertHigh(text, RiskSubject.Sender);
}
