using System.Buffers;
using Buddy.Domain.Organisations;

namespace Buddy.Domain.Replies;

/// <summary>
/// Turns a free-text reply into a mood score, the event text, tags and a correction flag. Pure and thread-safe:
/// one instance serves every reply. Risk is judged separately by <see cref="Safeguarding.RiskDetector"/>, so a
/// change here can never weaken safeguarding.
/// </summary>
public sealed class ReplyParser(TagVocabulary vocabulary)
{
    private const int BufferTokens = 128;

    [ThreadStatic]
    private static ReplyToken[]? s_tokens;

    public static ReplyParser Default { get; } = new(TagVocabulary.Default);

    public TagVocabulary Vocabulary => vocabulary;

    public ParsedReply Parse(string? text, MoodScale scale)
    {
        text ??= "";
        ReplyToken[]? rented = null;
        // The thread's own buffer rather than a stackalloc, which zeroed 128 tokens (4 KB) for every reply.
        var buffer = text.Length < BufferTokens
            ? (s_tokens ??= new ReplyToken[BufferTokens])
            : (rented = ArrayPool<ReplyToken>.Shared.Rent(text.Length + 1));
        try
        {
            var tokens = buffer.AsSpan(0, ReplyTokenizer.Tokenize(text, buffer));
            var mood = MoodReader.Read(text, tokens, scale);
            var tags = vocabulary.NamesOf(vocabulary.Match(text, tokens));
            var eventText = EventText.Build(text, tokens, mood);

            // With no score, faces and mood words still say how the day was: as a tag, never as a number.
            if (mood.Score is null && Sentiment.Of(new ReplyView(text, tokens)) is { } sentiment)
            {
                tags = [.. tags, sentiment];
            }

            return new ParsedReply(mood.Score, scale, mood.Note, eventText, tags, mood.IsCorrection && mood.Score is not null);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<ReplyToken>.Shared.Return(rented);
            }
        }
    }
}
