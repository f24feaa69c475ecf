using Buddy.Domain.CheckIns;

namespace Buddy.Domain.Summaries;

/// <summary>
/// Sent check-ins and how many were answered, over a range of local dates. Today's unanswered check-in may still
/// get its reply, so it counts neither way yet; one never sent (skipped, missed) is not the person's silence.
/// </summary>
public sealed record ReplyCounts(int Sent, int Answered, IReadOnlyList<DateOnly> DaysWithoutReply)
{
    public double? Rate => Sent == 0 ? null : (double)Answered / Sent;

    public static ReplyCounts For(IEnumerable<CheckIn> checkIns, DateRange range, DateOnly today)
    {
        var sent = 0;
        var answered = 0;
        var silent = new List<DateOnly>();
        foreach (var checkIn in checkIns.Where(c => range.Contains(c.LocalDate)).OrderBy(c => c.LocalDate))
        {
            var isAnswered = checkIn.Status == CheckInStatus.Answered || checkIn.AnsweredAtUtc is not null;
            var stillOpen = checkIn.Status == CheckInStatus.Sent && checkIn.LocalDate >= today;
            if (checkIn.Status is CheckInStatus.Missed or CheckInStatus.Skipped || (stillOpen && !isAnswered))
            {
                continue;
            }

            sent++;
            if (isAnswered)
            {
                answered++;
            }
            else
            {
                silent.Add(checkIn.LocalDate);
            }
        }

        return new ReplyCounts(sent, answered, silent);
    }
}
