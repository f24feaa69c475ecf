using Buddy.Domain.Safeguarding;

namespace Buddy.Tests.Safeguarding;

/// <summary>
/// Kinds the sealed part still missed by aggregate (passive death wishes said as acceptance, means stocked up from
/// several shops, forced marriage against the sender's will, sextortion over a picture the sender was made to send or
/// is in, bus-catching algospeak with a finality marker, a child left without food by a parent who does not come
/// home), written from C-SSRS item 1, NICE NG225 means-access guidance, the Forced Marriage Unit's and CEOP's
/// descriptions and published algospeak lists; with the hard negatives that share their words.
/// </summary>
public sealed partial class RiskReaderKindTests
{
    [Theory]
    [InlineData("id be ok with not being here")]
    [InlineData("honestly id be fine with not waking up")]
    [InlineData("would be nice to just stop existing")]
    [InlineData("it would be nice to not wake up tomorrow")]
    [InlineData("i want to stop being alive")]
    [InlineData("i'd welcome it if something took me in the night")]
    [InlineData("wouldnt be sad if i didnt wake up")]
    public void PassiveDeathWishes_SaidAsAcceptance_AreHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("stocked up on paracetamol from three different shops")]
    [InlineData("been stocking up on my sleeping tablets")]
    [InlineData("got codeine from a few different chemists so they wouldnt ask")]
    [InlineData("ive been hiding my meds instead of taking them")]
    [InlineData("gave my xbox to my brother, he can have it, wont be needing it")]
    public void Means_StockedUpKeptBackOrGivenAway_AreHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("got the bottle of vodka and all of mums pills ready for tonight")]
    [InlineData("stashed all of grandads painkillers in my wardrobe")]
    [InlineData("got all of nans sleeping tablets saved up")]
    public void Means_SomeoneElsesMedicineMadeReadyByTheSender_IsTheSendersRisk(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("mum says im marrying him whether i like it or not")]
    [InlineData("dad says the wedding is happening like it or not")]
    [InlineData("i get no say in who i marry and im only 15")]
    public void ForcedMarriage_AgainstTheSendersWill_IsHighFromOthers(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("a girl on insta got me to send a video and now she wants money")]
    [InlineData("he screenshotted our video call and says hes sending it to all my followers")]
    [InlineData("they want more pics or theyll show everyone the ones i sent")]
    public void Sextortion_OverAPictureTheSenderWasMadeToSendOrIsIn_IsHighFromOthers(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("ready to catch the bus for good")]
    [InlineData("i want to catch the bus tonight if yk")]
    [InlineData("might catch the bus one last time")]
    public void BusCatchingAlgospeak_WithAFinalityMarker_IsHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("there's never any food at home and mum doesnt come back some nights")]
    [InlineData("no food in the house again and dad didnt come home last night")]
    [InlineData("mum forgets to pick me up and theres no one home for days")]
    [InlineData("he makes me keep secrets about what happens in my room")]
    [InlineData("mum burnt my hand on the cooker cos i was cheeky")]
    [InlineData("my older cousin made me do things in the shed")]
    [InlineData("the older lads make me do things to them")]
    [InlineData("he makes me do stuff to him when mum is out")]
    public void ChildIndicators_NeglectSecretsBurnsAndActsTheyWereMadeToDo_AreHighFromOthers(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("started my self harm again after the session")]
    [InlineData("my self harming is getting worse")]
    public void SelfHarm_WrittenWithMySelfApart_IsHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("had to call 999 for myself on saturday, ok now", RiskSubject.Sender)]
    [InlineData("rang 116123 at 3am, they helped", RiskSubject.Sender)]
    [InlineData("did my suicide prevention training today", RiskSubject.Sender)]
    [InlineData("work meeting about a patient who overdosed", RiskSubject.ThirdParty)]
    [InlineData("nursing placement on the mental health ward, a patient self harmed", RiskSubject.ThirdParty)]
    [InlineData("tried to kill myself back in 2015, doing much better now", RiskSubject.Sender)]
    public void CrisisLineNumbersCoursesPatientsAndDatedPasts_AreReviewNotHigh(string text, RiskSubject who) =>
        PastThirdPartyNegatedOrProfessional_IsReviewNotHigh(text, who);

    [Theory]
    [InlineData("caught the bus to college 7")]
    [InlineData("caught the last bus home 6")]
    [InlineData("missed the bus again, ran for it 5")]
    [InlineData("stocked up on snacks for the film night 7")]
    [InlineData("have to tidy my room whether i like it or not 5")]
    [InlineData("our video call with nan was lovely 8")]
    [InlineData("id be ok with a takeaway tonight")]
    [InlineData("would be nice to see you at the weekend")]
    [InlineData("mum didnt come home till late, she was at work 6")]
    [InlineData("no food in the house so we got a takeaway 7")]
    [InlineData("sent my mate a video of the dog, she loved it 8")]
    [InlineData("i want to stop living off takeaways 6")]
    [InlineData("hiding my meds from the dog lol 7")]
    [InlineData("mum forgot to pick me up from football 5")]
    [InlineData("no one home for the weekend so having friends over 8")]
    [InlineData("mum's pills are ready on the side for her 6")]
    [InlineData("wouldnt be sad if it rained tomorrow 6")]
    [InlineData("burnt my hand on the oven making tea 5")]
    [InlineData("looking after my self today, bath and book 8")]
    [InlineData("mum made me do stuff in the garden all day 5")]
    [InlineData("not had a proper meal in days, been so busy with uni 5")]
    public void HardNegatives_SharingTheWidenedKindsWords_AreNotHigh(string text) => HardNegatives_AreNotHigh(text);
}
