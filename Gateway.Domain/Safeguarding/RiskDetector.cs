using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding.Reading;
using Buddy.Domain.Safeguarding.Rules;

namespace Buddy.Domain.Safeguarding;

/// <summary>
/// The safeguarding check on every reply, separate from the mood parser so nothing there can weaken it. Reads by
/// word families and how they combine (Safeguarding/Rules), not by a list of phrases: a wish and a death word, a
/// verb of violence with "me" as its object and someone else as its subject, medication with a quantity and
/// "took". Text-speak, algospeak, stretched, misspelt, censored and split words are read as the words meant.
/// Linear in the length of the reply; allocates only for a reply that carries risk. Immutable and thread-safe.
/// </summary>
public sealed class RiskDetector
{
    private const string ResourceName = "Buddy.Domain.Safeguarding.risk-lexicon.json";

    [ThreadStatic]
    private static ReaderState? s_state;

    private readonly RiskLexicon _lexicon;

    /// <param name="lexiconJson">The vocabulary (risk-lexicon.json's format); the rules are Buddy's own.</param>
    public RiskDetector(string lexiconJson) => _lexicon = new RiskLexicon(lexiconJson);

    public static RiskDetector Default { get; } = new(ReadResource());

    internal RiskLexicon Lexicon => _lexicon;

    /// <summary>How many word families the detector knows.</summary>
    public int FamilyCount => _lexicon.Families.Count;

    public RiskAssessment Assess(string? text) => Assess(text, mood: null, MoodScale.ZeroToTen);

    /// <summary>
    /// Reads <paramref name="text"/> together with the score the person gave (if any): a very low score (0 or 1 on
    /// 0-10, 1 on 1-10 or 1-5) with any word of death, ending or goodbye is High, even inside an idiom ("1. dead tired").
    /// </summary>
    public RiskAssessment Assess(string? text, double? mood, MoodScale scale)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return RiskAssessment.None;
        }

        var state = s_state ??= new ReaderState();
        var findings = state.Findings;
        findings.Clear();
        var reading = state.Reading;
        reading.Read(text, _lexicon, readIdioms: true);
        var caution = Evaluate(reading, findings);
        if (reading.HasIdiom)
        {
            AddWhatIdiomsHid(state);
        }

        if (IsVeryLow(mood, scale))
        {
            AddVeryLowScore(reading, findings);
        }

        return AssessmentBuilder.Build(text, findings, caution | Cautions(reading));
    }

    /// <summary>Runs every rule at every word of its family; returns what the matches say about contacting the person.</summary>
    private static ContactCaution Evaluate(RiskText reading, List<RiskFinding> findings)
    {
        var caution = ContactCaution.None;
        for (var i = 0; i < reading.Count; i++)
        {
            foreach (var concept in reading[i].Concepts)
            {
                foreach (var rule in RuleBook.ByHead[(int)concept])
                {
                    var hit = rule.Match(reading, i);
                    if (!hit.Found)
                    {
                        continue;
                    }

                    findings.Add(RiskJudge.Judge(reading, rule, hit));
                    if (rule.Head is Concept.Control or Concept.Seize or Concept.Coercion && reading.Within(hit.Start, hit.End, Concept.Phone))
                    {
                        caution |= ContactCaution.PhoneMayBeRead; // "he checks my phone", "takes my phone"
                    }
                }
            }
        }

        return caution;
    }

    /// <summary>
    /// An idiom never hides risk: the reply is read again without idioms, and anything High there that the idiom
    /// reading did not flag is kept as Review ("killed myself laughing" is worth a look, not nothing).
    /// </summary>
    private void AddWhatIdiomsHid(ReaderState state)
    {
        var plain = state.Plain;
        plain.ReadWithoutIdioms(state.Reading, _lexicon);
        var hidden = state.Hidden;
        hidden.Clear();
        Evaluate(plain, hidden);
        foreach (var finding in hidden)
        {
            if (finding.Level == RiskLevel.High && !OverlapsAHigh(state.Findings, finding))
            {
                state.Findings.Add(finding with { Level = RiskLevel.Review, Modifier = "idiom" });
            }
        }
    }

    private static bool OverlapsAHigh(List<RiskFinding> findings, RiskFinding finding)
    {
        foreach (var f in findings)
        {
            if (f.Level == RiskLevel.High && f.Start <= finding.End && finding.Start <= f.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The bottom of the scale, or one above it on 0-10: 0 or 1 on 0-10, 1 on 1-10 and 1-5.</summary>
    private static bool IsVeryLow(double? mood, MoodScale scale) =>
        mood is { } score && score <= scale.Minimum() + (scale == MoodScale.ZeroToTen ? 1 : 0);

    private static void AddVeryLowScore(RiskText reading, List<RiskFinding> findings)
    {
        for (var i = 0; i < reading.Count; i++)
        {
            if (reading[i].Has(TokenMarks.DeathWord))
            {
                findings.Add(new RiskFinding(s_veryLowScore, reading[i].OriginalStart, reading[i].OriginalEnd, RiskLevel.High, RiskSubject.Sender, false, null));
                return;
            }
        }
    }

    private static ContactCaution Cautions(RiskText reading) =>
        (reading.All.Has(Concept.PhoneRead) ? ContactCaution.PhoneMayBeRead : ContactCaution.None)
        | (reading.All.Has(Concept.NoCall) ? ContactCaution.DoNotCall : ContactCaution.None);

    private static readonly RiskRule s_veryLowScore = new("very-low-score-with-death-word", "suicide", RiskDirection.Self, Concept.Die, (_, _) => RiskHit.None);

    private static string ReadResource()
    {
        using var stream = typeof(RiskDetector).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>One thread's reusable readings and lists, so reading a reply allocates nothing.</summary>
    private sealed class ReaderState
    {
        public RiskText Reading { get; } = new();
        public RiskText Plain { get; } = new();
        public List<RiskFinding> Findings { get; } = [];
        public List<RiskFinding> Hidden { get; } = [];
    }
}
