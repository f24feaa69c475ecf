using Buddy.Domain.Safeguarding;

namespace Buddy.Tests.Safeguarding;

/// <summary>
/// Self-harm relapse named by doing rather than by an act word ("did my arms again", "sore from what I did"), as
/// recovery communities write it (NICE NG225); with the gym, grooming and garden wordings that share its words.
/// </summary>
public sealed partial class RiskReaderKindTests
{
    [Theory]
    [InlineData("did my thighs again after everyone went to bed")]
    [InlineData("done my arms last night, first time in months")]
    [InlineData("my legs sting from what i did yesterday")]
    [InlineData("cant lift my arm properly, my wrist is throbbing from what i did")]
    public void SelfHarmRelapse_NamedByDoing_IsHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("did my legs at the gym, cant walk lol")]
    [InlineData("done my arms with fake tan for the party")]
    [InlineData("my arms ache from what i did in the garden")]
    [InlineData("my legs are killing me from what i did at yoga last night")]
    public void BodyWork_IsNotHigh(string text) => AssertNotHigh(text);
}
