namespace Buddy.Domain.Replies;

/// <summary>
/// The score a reply gives, and which tokens held it (so the event text can be cleaned of it). Cut is a token
/// range [CutStart, CutEnd); -1 when nothing is cut.
/// </summary>
internal readonly record struct MoodReading(double? Score, string? Note, bool IsCorrection, int CutStart, int CutEnd);

/// <summary>Why a number was not taken: ranked so that "outside the scale" is the reason reported when there are several.</summary>
internal enum ScoreRank
{
    None,
    Other,
    OutOfScale,
}

/// <summary>One number of a reply, judged: taken as a score (with how strongly), or not (with why), and where it ends.</summary>
internal readonly record struct ScoreCandidate(
    bool Accepted, int Strength, double Value, string? Note, bool IsCorrection, bool IsRevision, int CutStart, int CutEnd, int Last, ScoreRank Rank)
{
    /// <summary>"mood 7", "7/10", a correction: the number is meant as the score wherever it sits.</summary>
    public const int Strong = 6;

    /// <summary>"about a 6", "feeling 4".</summary>
    public const int Soft = 4;

    /// <summary>At the start or end of the reply.</summary>
    public const int Edge = 2;

    /// <summary>Set off by punctuation mid-reply.</summary>
    public const int Isolated = 1;

    public static ScoreCandidate Ignore(int last) => new(false, 0, 0, null, false, false, -1, -1, last, ScoreRank.None);

    public static ScoreCandidate Reject(int last, ScoreRank rank, string note) => new(false, 0, 0, note, false, false, -1, -1, last, rank);
}
