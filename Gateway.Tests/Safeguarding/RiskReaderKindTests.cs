using Buddy.Domain.Safeguarding;

namespace Buddy.Tests.Safeguarding;

/// <summary>
/// Every kind of reply issue 12 lists under "Why", in wordings that are not in risk-lexicon.json (the guard test
/// below checks that none is a listed unit): the reader must get them from how word families combine.
/// </summary>
public sealed partial class RiskReaderKindTests
{
    private static RiskAssessment Assess(string text) => RiskDetector.Default.Assess(text);

    [Theory]
    [InlineData("lol i wanna kms")]
    [InlineData("gonna unalive myself haha")]
    [InlineData("honestly might just end it all lmao")]
    [InlineData("want to die 😂😂")]
    [InlineData("jk but also i do want to die")]
    [InlineData("wanna kill myself lol 5")]
    [InlineData("exams 2moro kms 😩")]
    public void LaughterOrIrony_NeverLowersAFirstPersonRisk(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("thinking about sewerslide again")]
    [InlineData("su!c!dal again")]
    [InlineData("k*ll myself")]
    [InlineData("wanna d!e")]
    [InlineData("s-u-i-c-i-d-a-l")]
    [InlineData("want to self delete")]
    [InlineData("sooo suicidaaal")]
    [InlineData("been feelin proper sewer slide-y all week")]
    [InlineData("feel like offing myself")]
    [InlineData("i want 2 dieeee")]
    public void AlgospeakAndSlang_AreReadAsTheWordsMeant(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("wish i could just not wake up tomorrow")]
    [InlineData("i dont see the point in being alive")]
    [InlineData("everyone would be happier if i wasnt around")]
    [InlineData("i keep hoping i wont wake up")]
    [InlineData("sometimes i think it would be easier to just not exist")]
    [InlineData("i dont want to carry on")]
    [InlineData("dont think i can keep going much longer")]
    [InlineData("tired of being alive")]
    [InlineData("its all too much i just want it to end")]
    [InlineData("i hope my heart just stops")]
    [InlineData("honestly dont know why im still here")]
    [InlineData("life is too hard, i dont want it anymore")]
    [InlineData("i shouldnt be alive")]
    public void PassiveDeathWishes_InOtherWords_AreHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("got my tablets lined up")]
    [InlineData("ive been saving my pills for weeks")]
    [InlineData("collected enough tablets to do it")]
    [InlineData("left notes for everyone")]
    [InlineData("wrote a letter to my mum explaining everything")]
    [InlineData("ive got a plan now")]
    [InlineData("looked up how many paracetamol it takes")]
    [InlineData("got a stash of pills in my drawer")]
    [InlineData("gave away all my games to my cousin")]
    [InlineData("made up my mind. tonight")]
    [InlineData("im only going to cause problems for everyone")]
    [InlineData("my family would cope fine without me")]
    public void PreparationMeansDecisionsAndBurden_AreHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("Ready to go and be with my Jean now")]
    [InlineData("ready to join my wife")]
    [InlineData("i want to go to where my son is")]
    [InlineData("cant wait to be with mum in heaven")]
    [InlineData("i just want to be with my husband again, he's waiting for me")]
    public void ReunionWithSomeoneWhoHasDied_IsHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("relapsed 😔 arms a mess again")]
    [InlineData("did it again last night 😔")]
    [InlineData("broke my 50 day streak")]
    [InlineData("had to wear long sleeves today so no one saw my arms")]
    [InlineData("used the blade again")]
    [InlineData("picked my skin till it bled")]
    [InlineData("back to cutting")]
    [InlineData("my thighs are a mess")]
    [InlineData("need to cut so bad")]
    [InlineData("went too deep and had to go to a&e")]
    public void SelfHarmRelapse_InEverydayWords_IsHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("uncle keeps coming in my room at night and i dont like it")]
    [InlineData("step dad comes in the bathroom when im in the bath")]
    [InlineData("mums boyfriend keeps trying to get in bed with me")]
    [InlineData("he told me not to tell anyone what he does")]
    [InlineData("dad kicks me when hes angry")]
    [InlineData("dad threw a plate at me")]
    [InlineData("my uncle sends me messages saying im pretty and not to tell mum")]
    public void ChildIndicators_WithNoAbuseWord_AreHighFromOthers(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("bf put his hands round my neck last nite but im ok")]
    [InlineData("he had his hands around my throat")]
    [InlineData("he pinned me against the wall by my neck")]
    [InlineData("he put a pillow over my face")]
    [InlineData("i have bruises on my neck from him")]
    [InlineData("my husband pushed me down the stairs")]
    [InlineData("got a black eye from him")]
    public void StrangulationAndPartnerViolence_AreHighFromOthers(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("he locks me in the flat when he goes to work")]
    [InlineData("he reads all my texts")]
    [InlineData("hes always tracking my location")]
    [InlineData("not allowed to see my mum anymore")]
    [InlineData("i have to ask him before i can go anywhere")]
    [InlineData("he made me delete all my friends")]
    [InlineData("he wont give me money for food")]
    public void CoerciveControl_IsHighFromOthers(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("My carer takes money from my purse and shouts at me if I say anything")]
    [InlineData("my son keeps taking my pension")]
    [InlineData("carer shouts at me and calls me stupid")]
    [InlineData("left sitting in my wet pad all night")]
    [InlineData("the carers havent been for three days and ive got no food")]
    [InlineData("i havent been washed in a week")]
    [InlineData("my nephew has been using my card without asking")]
    public void AbuseAndNeglectByACarer_IsHighFromOthers(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("these older lads gave me weed and now say i owe them")]
    [InlineData("they want me to take a bag to birmingham")]
    [InlineData("some guys are staying at my flat and wont go")]
    [InlineData("they took over my flat and sell from it")]
    [InlineData("they make me run drugs")]
    [InlineData("im holding drugs for them at my house")]
    [InlineData("a 25 year old guy keeps buying me stuff")]
    public void CriminalAndSexualExploitation_IsHighFromOthers(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("he said hell send my nudes to my mum if i dont pay")]
    [InlineData("someone has pics of me and wants money")]
    [InlineData("he said he would share the video unless i sent more")]
    [InlineData("my parents are sending me to pakistan to get married")]
    [InlineData("family want me to marry a man i have never met")]
    [InlineData("my boss keeps my passport")]
    public void SextortionForcedMarriageAndSlavery_AreHighFromOthers(string text) => AssertHigh(text, RiskSubject.SenderFromOthers);

    [Theory]
    [InlineData("took a load of paracetamol earlier")]
    [InlineData("i swallowed all my antidepressants")]
    [InlineData("took 16 co-codamol")]
    [InlineData("swallowed the lot")]
    [InlineData("stood on the edge of the bridge for ages")]
    [InlineData("had the pills in my hand but put them back")]
    [InlineData("was gonna jump but a man stopped me")]
    [InlineData("i tried to do it last night")]
    [InlineData("thought about hurting myself this morning but didnt")]
    [InlineData("od'd at 6 last nite, in a&e now")]
    public void RecentActs_OverdoseAttemptAndSelfHarm_AreHigh(string text) => AssertHigh(text, RiskSubject.Sender);

    [Theory]
    [InlineData("i used to cut myself when i was a teenager", RiskSubject.Sender)]
    [InlineData("self harm free for 2 years now", RiskSubject.Sender)]
    [InlineData("my ex used to beat me but that was years ago", RiskSubject.SenderFromOthers)]
    [InlineData("my sister has been self harming", RiskSubject.ThirdParty)]
    [InlineData("my friend said she wants to kill herself", RiskSubject.ThirdParty)]
    [InlineData("mums in hospital after taking an overdose. im ok just worried", RiskSubject.ThirdParty)]
    [InlineData("did my safeguarding training today on self harm", RiskSubject.Sender)]
    [InlineData("writing an essay on suicide prevention", RiskSubject.Sender)]
    [InlineData("therapy was about my old suicide attempt today", RiskSubject.Sender)]
    [InlineData("im not going to hurt myself dont worry", RiskSubject.Sender)]
    [InlineData("gonna kill my sister lol she used my makeup", RiskSubject.ThirdParty)]
    public void PastThirdPartyNegatedOrProfessional_IsReviewNotHigh(string text, RiskSubject who)
    {
        var risk = Assess(text);

        Assert.True(risk.Level == RiskLevel.Review, $"\"{text}\": {risk.Level} [{string.Join("; ", risk.Matched)}]");
        Assert.Equal(who, risk.Subject);
    }

    [Theory]
    [InlineData("dying to see the new marvel film")]
    [InlineData("killing it at work today")]
    [InlineData("my back is killing me")]
    [InlineData("im dead 😂 that video")]
    [InlineData("could murder a curry")]
    [InlineData("cut my finger chopping onions")]
    [InlineData("took my tablets like the nurse said")]
    [InlineData("lonely since my husband died")]
    [InlineData("my dog bit me")]
    [InlineData("got a new rope for climbing")]
    [InlineData("decided to stay in tonight")]
    [InlineData("my boyfriend moved in with me")]
    [InlineData("i owe my mum a tenner")]
    public void HardNegatives_AreNotHigh(string text) => AssertNotHigh(text);

    [Fact]
    public void EveryWordingAbove_IsNotItselfAnEntryOfTheLexicon()
    {
        var entries = RiskLexiconEntries.AllExpanded();
        var wordings = typeof(RiskReaderKindTests).GetMethods()
            .SelectMany(m => m.GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>())
            .Select(d => (string)d.GetData(null!).First()[0])
            .ToList();

        Assert.True(wordings.Count > 100, $"{wordings.Count} wordings");
        var listed = wordings.Where(w => entries.Contains(RiskLexiconEntries.Normalise(w))).ToList();
        Assert.True(listed.Count == 0, "Listed in the lexicon as they are: " + string.Join(" | ", listed));
    }

    private static void AssertNotHigh(string text)
    {
        var risk = Assess(text);

        Assert.True(risk.Level != RiskLevel.High, $"\"{text}\": High [{string.Join("; ", risk.Matched)}]");
    }

    private static void AssertHigh(string text, RiskSubject who)
    {
        var risk = Assess(text);

        Assert.True(risk.Level == RiskLevel.High, $"\"{text}\": {risk.Level} [{string.Join("; ", risk.Matched)}]");
        Assert.Equal(who, risk.Subject);
        Assert.NotEmpty(risk.Concepts);
    }
}
