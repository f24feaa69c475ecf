using Buddy.Domain.CheckIns;
using Buddy.Domain.Diary;
using Buddy.Domain.Organisations;

namespace Buddy.Domain.Summaries;

/// <summary>
/// The streaks behind engagement alerts: low scores in a row, and sent check-ins in a row with no reply. Pure
/// functions of one service user's recent history.
/// </summary>
public static class EngagementStreaks
{
    /// <summary>
    /// The current run of low scores, oldest first: scored entries from the newest back to the first that is not
    /// low. Entries without a score neither break nor extend it.
    /// </summary>
    public static IReadOnlyList<DiaryEntry> CurrentLowMoodRun(IEnumerable<DiaryEntry> entries)
    {
        var run = new List<DiaryEntry>();
        foreach (var entry in entries.Where(e => e.MoodScore is not null).OrderByDescending(e => e.LocalDate).ThenByDescending(e => e.CreatedAtUtc))
        {
            if (!MoodLevels.IsLow(entry.MoodScale, entry.MoodScore!.Value))
            {
                break;
            }

            run.Add(entry);
        }

        run.Reverse();
        return run;
    }

    /// <summary>
    /// The current run of sent, unanswered check-ins, oldest first. Today's check-in still awaiting its reply is
    /// not silence yet; a day nothing was sent (skipped, missed) neither breaks nor extends the run.
    /// </summary>
    public static IReadOnlyList<CheckIn> CurrentSilence(IEnumerable<CheckIn> checkIns, DateOnly today)
    {
        var run = new List<CheckIn>();
        foreach (var checkIn in checkIns.OrderByDescending(c => c.LocalDate))
        {
            if (checkIn.Status is CheckInStatus.Skipped or CheckInStatus.Missed)
            {
                continue;
            }

            var answered = checkIn.Status == CheckInStatus.Answered || checkIn.AnsweredAtUtc is not null;
            if (answered)
            {
                break;
            }

            if (checkIn.Status == CheckInStatus.Sent && checkIn.LocalDate >= today)
            {
                continue;
            }

            run.Add(checkIn);
        }

        run.Reverse();
        return run;
    }
}
