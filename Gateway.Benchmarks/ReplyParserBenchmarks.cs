using BenchmarkDotNet.Attributes;
using Buddy.Domain.Organisations;
using Buddy.Domain.Replies;
using Buddy.Domain.Safeguarding;

namespace Buddy.Benchmarks;

/// <summary>
/// The corpus benchmarks parse every reply of the corpus once per operation: replies/second/core is the corpus
/// size (printed at set-up) divided by the Mean. Single-threaded, so the figure is per core.
/// </summary>
[MemoryDiagnoser]
public class ReplyParserBenchmarks
{
    private (string Text, MoodScale Scale)[] _replies = [];
    private readonly ReplyParser _parser = ReplyParser.Default;
    private readonly RiskDetector _detector = RiskDetector.Default;

    [GlobalSetup]
    public void Setup()
    {
        _replies = ReplyCorpusFile.Load();
        Console.WriteLine($"// Corpus: {_replies.Length} replies per operation of the *_WholeCorpus benchmarks");
    }

    [Benchmark]
    public int ParseOneShortReply() => _parser.Parse("6 went to college, argued with mum", MoodScale.ZeroToTen).Tags.Count;

    [Benchmark]
    public int Parser_WholeCorpus()
    {
        var scored = 0;
        foreach (var (text, scale) in _replies)
        {
            if (_parser.Parse(text, scale).Mood is not null)
            {
                scored++;
            }
        }

        return scored;
    }

    [Benchmark]
    public int RiskDetector_WholeCorpus()
    {
        var flagged = 0;
        foreach (var (text, _) in _replies)
        {
            if (_detector.Assess(text).Level != RiskLevel.None)
            {
                flagged++;
            }
        }

        return flagged;
    }

    /// <summary>What the gateway does per inbound reply: parse it and check it for risk.</summary>
    [Benchmark]
    public int ParserAndRiskDetector_WholeCorpus()
    {
        var count = 0;
        foreach (var (text, scale) in _replies)
        {
            count += _parser.Parse(text, scale).Tags.Count + (int)_detector.Assess(text).Level;
        }

        return count;
    }
}
