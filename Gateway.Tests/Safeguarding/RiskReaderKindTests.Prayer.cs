using Buddy.Domain.Safeguarding;

namespace Buddy.Tests.Safeguarding;

/// <summary>
/// Reunion with someone who has died, said as a prayer to be taken to them, with the death not named (older-adult and
/// bereavement warning signs); and being taken somewhere in the everyday sense.
/// </summary>
public sealed partial class RiskReaderKindTests
{
    [Theory]
    [InlineData("every night i ask god to take me to my Rose")]
    [InlineData("lord please take me to my husband")]
    [InlineData("begging god to take me to mum, i miss her so much")]
    [InlineData("please god just take me tonight")]
    public void Reunion_APrayerToBeTakenToSomeone_IsHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("asked god to take me through the exam")]
    [InlineData("my son will take me to see my sister on sunday")]
    [InlineData("thank god my mum can take me to the match")]
    public void Reunion_TakenSomewhereOrThroughSomething_IsNotHigh(string text) => AssertNotHigh(text);
}
