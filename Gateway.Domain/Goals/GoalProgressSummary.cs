namespace Buddy.Domain.Goals;

/// <summary>One goal's progress over the summary period: how often done, part-done or not, and the replies.</summary>
/// <param name="Entries">Newest first.</param>
public sealed record GoalProgressSummary(
    Guid GoalId, string Text, GoalStatus Status, int Done, int Partial, int NotDone, IReadOnlyList<GoalProgressEntry> Entries)
{
    public int Answered => Done + Partial + NotDone;

    public static GoalProgressSummary Build(Goal goal, IEnumerable<GoalProgress> progress)
    {
        var entries = progress
            .Where(p => p.GoalId == goal.Id)
            .OrderByDescending(p => p.LocalDate).ThenByDescending(p => p.RecordedAtUtc)
            .Select(p => new GoalProgressEntry(p.LocalDate, p.Outcome, p.ReplyText))
            .ToList();
        return new GoalProgressSummary(
            goal.Id, goal.Text, goal.Status,
            entries.Count(e => e.Outcome == GoalOutcome.Done),
            entries.Count(e => e.Outcome == GoalOutcome.Partial),
            entries.Count(e => e.Outcome == GoalOutcome.NotDone),
            entries);
    }
}

public sealed record GoalProgressEntry(DateOnly LocalDate, GoalOutcome Outcome, string ReplyText);
