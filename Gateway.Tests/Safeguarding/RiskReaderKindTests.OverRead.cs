using Buddy.Domain.Safeguarding;

namespace Buddy.Tests.Safeguarding;

/// <summary>
/// Ordinary replies that shared words with a risk rule and were read as High (found by probing `parse` with everyday
/// wordings about home, work, school, food, money and relationships), each next to risky wordings of the same family
/// that must stay High. Where the ordinary reading is only likely, the reply goes to Review so a human still looks.
/// </summary>
public sealed partial class RiskReaderKindTests
{
    [Theory]
    [InlineData("tired of living")]
    [InlineData("so sick of life, nothing ever changes")]
    [InlineData("had enough of life tbh")]
    [InlineData("done with life")]
    [InlineData("tired of living like this")]
    public void TiredOfLivingItself_IsHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("done with the living room paint")]
    [InlineData("finished with the living room carpet at last")]
    [InlineData("so done with my living situation")]
    [InlineData("sick of life admin")]
    [InlineData("fed up with living costs going up")]
    [InlineData("tired of living in this flat")]
    [InlineData("had enough of life at this school")]
    public void LifeAsAThingOrAPlace_IsNotHigh(string text) => AssertNotHigh(text);

    [Theory]
    [InlineData("i wish i could just not be here anymore")]
    [InlineData("i want to not be anymore")]
    [InlineData("id rather not be")]
    [InlineData("wish i wasnt here")]
    [InlineData("i wont be here much longer")]
    [InlineData("wish i could go to sleep and just stay asleep")]
    [InlineData("i want to fall asleep and stay that way")]
    public void NotBeingAtAll_IsHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("i wish i could just not be there tonight")]
    [InlineData("i'd rather not be there")]
    [InlineData("wish i could not be here for the exam")]
    [InlineData("i'd rather not be killing it")]
    [InlineData("wish i didnt have to be there tomorrow")]
    [InlineData("i want to sleep and stay asleep till the holidays lol")]
    public void NotBeingAtAnOccasion_IsNotHigh(string text) => AssertNotHigh(text);

    [Theory]
    [InlineData("dad made dinner, no food left for seconds lol")]
    [InlineData("no food in the house so mum went to the shop")]
    [InlineData("no food left after the party")]
    [InlineData("nothing in the fridge so my brother cooked pasta")]
    public void ANeedThenMet_IsNotHigh(string text) => AssertNotHigh(text);

    [Theory]
    [InlineData("no food in the house again and mum went out")]
    [InlineData("nothing to eat again and dads not answering")]
    [InlineData("not been fed since yesterday")]
    [InlineData("no food since yesterday")]
    public void ANeedUnmet_StaysHigh(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("paid £20 but they want more")]
    [InlineData("paid my mate £10 but he wants more")]
    [InlineData("gave them £5 and they want more lol")]
    public void APriceThatGrows_IsNotHigh(string text) => AssertNotHigh(text);

    [Theory]
    [InlineData("sent him 50 quid last week and now he wants more")]
    [InlineData("paid him £200 so he wouldnt share the pics but he wants more")]
    [InlineData("paid them all my savings and now they want more")]
    [InlineData("paid £100 and they want more or they'll tell everyone")]
    public void ADemandThatPresses_StaysHigh(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("i want it to be over for good, him and me are finished")]
    [InlineData("i just want it all to be over, the exams i mean")]
    [InlineData("i want it over with for good")]
    [InlineData("want it to end, we're done and i'm moving out")]
    public void EndingAThingOrARelationship_IsNotHigh(string text) => AssertNotHigh(text);

    [Theory]
    [InlineData("i want it all to be over")]
    [InlineData("i just want it to end, i'm so tired of everything")]
    [InlineData("i want it to be over for good, nobody would miss me")]
    [InlineData("gonna end it tonight")]
    public void EndingIt_StaysHigh(string text) => AssertHigh(text, RiskSubject.Sender);
}
