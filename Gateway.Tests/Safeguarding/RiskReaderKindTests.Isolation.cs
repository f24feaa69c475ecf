using Buddy.Domain.Safeguarding;

namespace Buddy.Tests.Safeguarding;

/// <summary>
/// Psychological and carer abuse with no abuse word, in wordings written for these tests from the Care Act 2014
/// statutory guidance (psychological abuse, neglect of an adult at risk) and Women's Aid / SafeLives descriptions of
/// coercive control: the isolating put-down, an injury with the stock cover story, an aid taken from an adult at risk.
/// Each kind sits next to ordinary wordings that share its words.
/// </summary>
public sealed partial class RiskReaderKindTests
{
    [Theory]
    [InlineData("he tells me nobody else would ever want me")]
    [InlineData("she keeps saying no one else would put up with me")]
    [InlineData("he says no one else would put up with me")]
    [InlineData("she says nobody else would ever love me")]
    [InlineData("my boyfriend reckons no one else would want me now")]
    public void BeingToldNobodyElseWouldHaveThem_IsHighFromOthers(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("my mum says nobody else would want that old sofa")]
    [InlineData("he says no one else would put up with his snoring lol")]
    [InlineData("she says nobody else would love the dog like me")]
    [InlineData("mum told me nobody else wants the last slice")]
    public void NobodyElseWantingAThing_IsNotHigh(string text) => AssertNotHigh(text);

    [Theory]
    [InlineData("split lip, told my mum i walked into a door")]
    [InlineData("bruises again, said i walked into a cupboard")]
    [InlineData("black eye, told my boss i was clumsy")]
    public void AnInjuryWithTheStockCoverStory_IsHighFromOthers(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("grazed my knee, told the teacher i fell off my bike")]
    [InlineData("bruises from football, told my coach i tripped")]
    public void AnInjuryWithAFall_IsNotHigh(string text) => AssertNotHigh(text);

    [Theory]
    [InlineData("the staff took my walking frame so i cant get up")]
    [InlineData("they take my buzzer away at night")]
    [InlineData("my carer hides my glasses when shes cross")]
    [InlineData("carer took my walking frame away so i stay in bed")]
    public void AnAidTakenFromAnAdultAtRisk_IsHighFromOthers(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("my brother borrowed my glasses lol")]
    [InlineData("i took my glasses off for the photo")]
    [InlineData("the carer took me out in my wheelchair to the park")]
    [InlineData("my husband's carer hides his hearing aids so he can't complain")]
    public void AidsInOrdinaryDaysOrSomeoneElses_AreNotHigh(string text) => AssertNotHigh(text);
}
