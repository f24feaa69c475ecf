using Buddy.Domain.Safeguarding;

namespace Buddy.Tests.Safeguarding;

/// <summary>
/// The development part's remaining miss kinds, each read by a combination rather than a phrase: wishing simply not
/// to be, being done with living, wanting it all over for good (C-SSRS item 1); interrupted attempts and acts done
/// (C-SSRS behaviour items); going after someone who has died; a blade used on oneself or freed from a sharpener
/// (NICE NG225); someone's word over the sender's daily life, a room locked on them (coercive control, Care Act 2014);
/// drugs held on someone's orders, a growing money demand, a wedding kept quiet (county lines, sextortion, forced
/// marriage guidance); a weapon taken to meet someone; a child's neglect told as a need unmet while a parent is
/// unreachable, or as what a parent does done by nobody (Working Together 2023). None of these wordings is in the corpus; each kind has the
/// ordinary wordings that share its words.
/// </summary>
public sealed partial class RiskReaderKindTests
{
    [Theory]
    [InlineData("i want to not be anymore")]
    [InlineData("sometimes i wish i could just not exist")]
    [InlineData("honestly id rather not be")]
    [InlineData("wish i could just not be, everything hurts")]
    [InlineData("im finished with living")]
    [InlineData("so done. with being alive")]
    [InlineData("i want it all to be over for good")]
    [InlineData("wish everything would just stop for good")]
    [InlineData("i just want my life to be finished for good")]
    public void PassiveDeathWishes_WithNoDeathWord_AreHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("i wish i could not be so tired")]
    [InlineData("i want to not be late tomorrow")]
    [InlineData("id rather not be in the group chat")]
    [InlineData("i want the noise to stop for good")]
    [InlineData("want this cold to be over for good")]
    public void NotBeingSomethingOrEndingAThing_IsNotHigh(string text) => AssertNotHigh(text);

    [Theory]
    [InlineData("i was about to step off when a woman talked to me")]
    [InlineData("was going to jump but my phone rang")]
    [InlineData("tied a bag over my head last night")]
    [InlineData("had a plastic bag over my head till i panicked")]
    [InlineData("tried to end it last night but couldnt")]
    [InlineData("was trying to end it when my flatmate knocked")]
    public void InterruptedAttemptsAndActsDone_AreHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("i was about to jump in the shower")]
    [InlineData("was about to jump on the bus when it left")]
    [InlineData("tried to end things with him")]
    public void JumpingAndEndingThings_AreNotHigh(string text) => AssertNotHigh(text);

    [Theory]
    [InlineData("mum passed away in june and i just want to go with her")]
    [InlineData("theyre all in heaven, i want to go too")]
    [InlineData("miss my son so much, the only way is to go to him")]
    public void GoingAfterSomeoneWhoHasDied_IsHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("nans funeral is friday, i want to go too")]
    [InlineData("my sister is at the concert, i want to go too")]
    [InlineData("the only way is to go to her house and talk")]
    public void GoingToAnEventOrAPlace_IsNotHigh(string text) => AssertNotHigh(text);

    [Theory]
    [InlineData("couldnt keep myself away from the blade")]
    [InlineData("used a razor on myself again")]
    [InlineData("took the blade out of my pencil sharpener")]
    [InlineData("got the blades out of a razor")]
    [InlineData("dug my nails into my wrist till it bled")]
    [InlineData("scratched my arms till they were raw")]
    [InlineData("hid a whole box of my mums sleeping tablets in my wardrobe")]
    public void BladesMeansAndMarks_AreHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("cut myself shaving with the razor")]
    [InlineData("dad took the blade out of the lawnmower")]
    [InlineData("scraped my knee when i came off my bike")]
    public void ShavingToolsAndAccidents_AreNotHigh(string text) => AssertNotHigh(text);

    [Theory]
    [InlineData("my husband says i cant work anymore")]
    [InlineData("she told me i cant see my mates")]
    [InlineData("he decided i cant drive the car")]
    [InlineData("he said i cant wear makeup")]
    [InlineData("gave up college because he said so")]
    [InlineData("i stopped going to the gym cos he told me to")]
    [InlineData("he locks my room from outside")]
    public void ControlByWordOrLock_IsHighFromOthers(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("mum says i cant go out on a school night")]
    [InlineData("left work early because she said i could")]
    [InlineData("i lock my room so my sister cant get in")]
    public void HouseRulesPermissionAndOwnLocks_AreNotHigh(string text) => AssertNotHigh(text);

    [Theory]
    [InlineData("they force me to hold wraps")]
    [InlineData("older lads make me sell weed at the park")]
    [InlineData("sent him 50 quid last week and now he wants more")]
    [InlineData("they keep me home so i cant tell anyone about the wedding")]
    public void ExploitationExtortionAndForcedMarriage_AreHighFromOthers(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("mum makes me carry the shopping bags")]
    [InlineData("the nurse made me take my pills")]
    [InlineData("paid for the tickets but they want more")]
    public void ChoresMedicineAndPrices_AreNotHigh(string text) => AssertNotHigh(text);

    [Theory]
    [InlineData("gonna find him after work with my knife")]
    [InlineData("im going to wait for her at the gate with a blade")]
    public void AWeaponTakenToMeetSomeone_IsHighForAThirdParty(string text) => AssertHigh(text, RiskSubject.ThirdParty);

    [Fact]
    public void AKnifeForCooking_IsNotHigh() => AssertNotHigh("going to make him a sandwich with the bread knife");

    [Theory]
    [InlineData("no heating and nothing in the fridge, dad didnt come home")]
    [InlineData("nothing to eat again and mums out")]
    [InlineData("nobody ever washes my clothes and i get picked on at school")]
    [InlineData("no one came for me after school so i slept on the bench")]
    public void AChildsNeedsUnmet_AreHighFromOthers(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("nobody picked me up from the airport, had to get a taxi")]
    [InlineData("no one came to my party lol")]
    [InlineData("mums still in bed, shes on nights this week")]
    public void AnAdultsLiftsPartiesAndShiftWork_AreNotHigh(string text) => AssertNotHigh(text);
}
