using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>Farewells: goodbyes said as if for the last time, and notes or letters written to be found.</summary>
internal static partial class PlanRules
{
    /// <summary>
    /// Goodbyes that are more than "bye x": two farewell phrases together ("thank you for everything, goodbye"), or one
    /// with everyone, for good or any more. Not with "see you", "for now" or "tomorrow".
    /// </summary>
    private static RiskHit Goodbyes(RiskText t, int i)
    {
        if (t.Near(i, Soon, 8) >= 0)
        {
            return RiskHit.None;
        }

        var another = t.Near(i, Concepts.Of(Bye, Farewell, Forever, Anymore, Everyone, Burden), 12);
        if (another >= 0)
        {
            return RiskHit.High(Math.Min(i, another), Math.Max(i, another), i);
        }

        if (t.CountOf(Bye) + t.CountOf(Farewell) >= 2)
        {
            return RiskHit.High(i, i, i); // "love you all. bye": two goodbyes in one reply
        }


        return t.Count <= 3 ? RiskHit.Review(i, i, i) : RiskHit.None; // "goodbye." and nothing else
    }

    /// <summary>A farewell, unless it is until later ("bye everyone, see you tomorrow").</summary>
    private static RiskHit ReadFarewell(RiskText t, int i)
    {
        // "when I'm gone", "after I die" are the sender's own farewell, whoever the clause is about ("the kids will be looked after when I'm gone").
        var mine = IsFirstPerson(t.Key(i)) ? RiskSubject.Sender : RiskSubject.None;
        return t.Near(i, Soon, 6) >= 0 || t.AfterWord(i, "later", 6) >= 0 || IsAnOccasion(t, i) ? RiskHit.Review(i, i, i, mine) : RiskHit.High(i, i, i, mine);
    }

    private static readonly Buddy.Domain.Replies.WordSet s_occasions = new(
        "retire", "retiring", "retirement", "leaving", "moving", "move", "emigrating", "holiday", "job", "last day", "party", "graduation", "funeral", "wedding", "school");

    /// <summary>Goodbyes at a leaving do, a move or a funeral: "last day before I retire, said my goodbyes to everyone".</summary>
    private static bool IsAnOccasion(RiskText t, int i)
    {
        var first = t.SentenceFirst(i) is var s && s > 0 ? s : 0;
        var last = Math.Min(t.Count - 1, i + 10);
        for (var j = Math.Max(first, i - 12); j <= last; j++)
        {
            if (j != i && s_occasions.Contains(t.Key(j)) && !t.HasAny(j, Concepts.Of(Die, Concept.Suicide, Farewell)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFirstPerson(ReadOnlySpan<char> key) =>
        key.StartsWith("im ", StringComparison.Ordinal) || key.StartsWith("i ", StringComparison.Ordinal) || key.Contains(" im ", StringComparison.Ordinal)
        || key.Contains(" i ", StringComparison.Ordinal) || key.EndsWith(" im gone", StringComparison.Ordinal) || key.Contains(" my ", StringComparison.Ordinal)
        || key.StartsWith("my ", StringComparison.Ordinal);

    /// <summary>Letters or notes written for everyone, to explain, or to say goodbye.</summary>
    private static RiskHit GoodbyeLetters(RiskText t, int i)
    {
        var written = t.Near(i, Write, 4);
        if (written < 0)
        {
            return FinishedNote(t, i);
        }

        var audience = t.Near(i, Concepts.Of(Everyone, Explain, Farewell, Bye), 8);
        if (audience >= 0)
        {
            return RiskHit.High(Math.Min(written, i), Math.Max(audience, i), written);
        }

        var family = t.After(i, Kin, 3);
        var plural = t.Key(i).EndsWith('s');
        return family >= 0 && plural ? RiskHit.High(Math.Min(written, i), family, written) : FinishedNote(t, i);
    }

    private static readonly Buddy.Domain.Replies.WordSet s_finished = new(
        "finished", "finish", "finishing", "done", "ready", "written", "wrote", "write", "writing", "completed", "sorted");

    // A note of the everyday kind: a sick note, class notes, a thank-you note, a note on the fridge, a musical note.
    private static readonly Buddy.Domain.Replies.WordSet s_everydayNotes = new(
        "sick", "fit", "gp", "doctor", "doctors", "class", "lesson", "lessons", "school", "exam", "exams", "revision", "uni", "college",
        "meeting", "thank", "thanks", "thankyou", "birthday", "card", "shopping", "fridge", "voice", "sticky", "diary", "piano", "music",
        "song", "cover", "teacher", "homework", "coursework", "milkman", "delivery", "parcel", "neighbour", "neighbours", "christmas", "santa");

    /// <summary>
    /// The sender's one note, finished ("finished my note", "the note is written"): a note written to be found (C-SSRS
    /// preparatory acts), unless the sentence says it is an everyday one.
    /// </summary>
    private static RiskHit FinishedNote(RiskText t, int i)
    {
        if (!t.Is(i, "note") || !(t.Is(i - 1, "my") || t.Is(i - 1, "the")))
        {
            return RiskHit.None;
        }

        var finished = -1;
        for (var j = Math.Max(t.ClauseFirst(i), i - 4); j <= Math.Min(t.ClauseLast(i), i + 3) && finished < 0; j++)
        {
            finished = j != i && s_finished.Contains(t.Key(j)) ? j : -1;
        }

        if (finished < 0 || t.SentenceHasAny(i, Concepts.Of(Professional, Media)))
        {
            return RiskHit.None;
        }

        for (var j = t.SentenceFirst(i); j <= t.SentenceLast(i); j++)
        {
            if (s_everydayNotes.Contains(t.Key(j)))
            {
                return RiskHit.None;
            }
        }

        return RiskHit.High(Math.Min(finished, i - 1), Math.Max(finished, i), finished, RiskSubject.Sender);
    }
}
