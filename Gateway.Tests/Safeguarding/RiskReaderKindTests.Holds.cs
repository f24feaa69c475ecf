using Buddy.Domain.Safeguarding;

namespace Buddy.Tests.Safeguarding;

/// <summary>
/// Non-fatal strangulation as a hold the sender is put in ("got me in a headlock"), a recognised homicide risk indicator
/// (Glass et al. 2008); with holds in sport and holds on someone else.
/// </summary>
public sealed partial class RiskReaderKindTests
{
    [Theory]
    [InlineData("my stepdad got me in a headlock and wouldnt let go")]
    [InlineData("he put me in a head lock during the row")]
    [InlineData("she keeps putting me in a headlock when shes angry")]
    public void Strangulation_AHoldTheSenderIsPutIn_IsHighFromOthers(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("wrestling club tonight, coach showed us how to get out of a headlock")]
    [InlineData("my son put the cat in a headlock lol")]
    public void Holds_InSportOrOnSomethingElse_AreNotHigh(string text) => AssertNotHigh(text);
}
