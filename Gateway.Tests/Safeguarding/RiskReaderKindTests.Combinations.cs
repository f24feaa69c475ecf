using Buddy.Domain.Safeguarding;

namespace Buddy.Tests.Safeguarding;

/// <summary>
/// The combinations added after the sealed part showed that new words did not generalise: each kind is read from two
/// or more concepts together (someone who died + a time, a refusal + a basic need + someone else, a clean time + a
/// ruin word), in wordings not in the lexicon, with the hard negatives that share their words.
/// </summary>
public sealed partial class RiskReaderKindTests
{
    [Theory]
    [InlineData("soon ill be with my brother who passed")]
    [InlineData("going to be with my late husband soon")]
    [InlineData("i want to be where my wife is, in heaven")]
    [InlineData("its time i joined my husband")]
    [InlineData("want to be in heaven with my dad")]
    [InlineData("wont be long now till im with my sister up there")]
    public void Reunion_WhenTheReplySaysSomeoneDied_IsHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("if i got hit by a car tomorrow i wouldnt mind")]
    [InlineData("if i didnt wake up tomorrow i dont think id even care")]
    [InlineData("kinda hoping something happens to me on the way home")]
    [InlineData("it would be a relief if my heart just stopped")]
    [InlineData("it would be easier for everyone if i just wasnt around")]
    [InlineData("thinking of going to sleep permanently")]
    [InlineData("im just waiting to die really")]
    [InlineData("whats the point of me")]
    [InlineData("i would welcome death")]
    public void PassiveDeathWishes_ShruggedOffOrWishedInOtherWords_AreHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("the carer didnt give me my dinner again, sat here hungry")]
    [InlineData("they havent helped me to the toilet all day")]
    [InlineData("mum says i cant have food if im bad")]
    [InlineData("my daughter locks the food cupboard so i cant get anything")]
    [InlineData("nobody has changed me since this morning")]
    [InlineData("im not allowed to eat with the family, i get whats left")]
    [InlineData("mum wont let me have food at night")]
    [InlineData("been left on my own since friday, no one has come back")]
    public void BasicNeedsRefusedOrTheSenderLeftAlone_AreHighFromOthers(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("got pushed down the stairs by my husband")]
    [InlineData("husband lost his temper and i have a split lip")]
    [InlineData("she smashed a glass over my head")]
    [InlineData("my boyfriend tells me what i can and cant wear")]
    [InlineData("he wont let me wear makeup")]
    [InlineData("i have to ask him before i spend anything")]
    [InlineData("he says if i leave hell take the kids and ill never see them")]
    [InlineData("the home wont let me see my daughter")]
    public void ViolenceByANamedPersonAndControlOfDailyLife_AreHighFromOthers(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("uncle said if i tell anyone ill get in trouble")]
    [InlineData("he said if i tell my mum she wont love me anymore")]
    [InlineData("my uncle gives me sweets to keep quiet about what he does")]
    [InlineData("my carer takes my shopping and keeps the change, every time")]
    [InlineData("carer shouts at me and calls me a nuisance")]
    [InlineData("my nephew keeps borrowing money and never pays it back, im scared to say no")]
    [InlineData("someone has my photos and wants £200 or hell share them")]
    [InlineData("my stepdad makes me stand in the corner all night")]
    [InlineData("my cousin makes me do things i dont like when were alone")]
    [InlineData("nobodys fed us since yesterday and my little brother is crying")]
    [InlineData("he comes into my bed when mums asleep")]
    [InlineData("he takes my wages and gives me pocket money")]
    [InlineData("i need his permission to go out")]
    [InlineData("mum makes us wait outside in the cold till she gets back")]
    [InlineData("he wants money or hell show my parents the pics")]
    [InlineData("my dad has found me a husband and im only 15")]
    [InlineData("if i refuse to marry him theyll disown me")]
    public void SecretsWithAConsequenceCarersAndDemandsForMoney_AreHighFromOthers(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("had a slip yesterday with the razor")]
    [InlineData("6 months clean and i ruined it last night")]
    [InlineData("finally gave in to the urges last night")]
    [InlineData("back to my old ways with the blade")]
    [InlineData("started again, couldnt stop myself")]
    [InlineData("ive been putting tablets aside for weeks")]
    [InlineData("ive sorted out my will and who gets the dog")]
    [InlineData("found the spot where im going to do it")]
    [InlineData("gave my niece my jewellery, wont need it")]
    [InlineData("made sure the kids will be looked after when im gone")]
    [InlineData("took the whole packet about an hour ago")]
    [InlineData("ive just taken everything in the drawer")]
    [InlineData("thinking about the big sleep")]
    [InlineData("ready to log off for good")]
    public void RelapsePreparationRecentActsAndAlgospeak_InOtherWords_AreHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("her boyfriend hits her when hes drunk, she told me at lunch", RiskSubject.ThirdParty)]
    [InlineData("the man next door strangled her, the police came", RiskSubject.ThirdParty)]
    [InlineData("two years clean from cutting today", RiskSubject.Sender)]
    [InlineData("could throttle my manager today 😂", RiskSubject.ThirdParty)]
    [InlineData("cant wait to be with my sister at christmas, first one since dad passed", RiskSubject.Sender)]
    public void HarmToOthersThePastJokesAndVisits_AreReviewNotHigh(string text, RiskSubject who) => PastThirdPartyNegatedOrProfessional_IsReviewNotHigh(text, who);

    [Theory]
    [InlineData("cant wait to be with my sister at christmas, first one since dad passed")]
    [InlineData("my nan passed last year, i miss her so much")]
    [InlineData("going to see my dad at the hospital tomorrow")]
    [InlineData("i want to disappear under my duvet all weekend lol")]
    [InlineData("if my team lose again i wouldnt even care anymore")]
    [InlineData("cant have food before my op tomorrow")]
    [InlineData("my mum doesnt let me have my phone at dinner")]
    [InlineData("no food in the house so we got a takeaway")]
    [InlineData("i didnt eat my dinner, wasnt hungry")]
    [InlineData("my little brother hit me with his lego lol")]
    [InlineData("my son kicked me in his sleep lol")]
    [InlineData("my partner threw a pillow at me lol")]
    [InlineData("hit my head on the cupboard door")]
    [InlineData("got hit by the ball at football")]
    [InlineData("mum takes my phone at 10 so i actually sleep")]
    [InlineData("i check my phone too much")]
    [InlineData("locked myself out of the car again")]
    [InlineData("dad locked us out by accident, had to wait an hour")]
    [InlineData("relapsed on chocolate again lol")]
    [InlineData("ruined it at the pub quiz last night lol")]
    [InlineData("counted out my tablets for the week in my dosette box")]
    [InlineData("sorted my will with the solicitor, now we can relax")]
    [InlineData("last day before i retire, said goodbye to everyone")]
    [InlineData("took the whole day off work")]
    [InlineData("log off for the night, speak tomorrow")]
    [InlineData("my mate sent everyone a pic of me sleeping on the bus lol")]
    [InlineData("my cousin is getting married in pakistan, were all going")]
    [InlineData("owe my mate a fiver lol")]
    [InlineData("made me stand outside the heads office for an hour lol")]
    [InlineData("waiting to see the doctor")]
    public void HardNegativesOfTheCombinations_AreNotHigh(string text) => HardNegatives_AreNotHigh(text);
}
