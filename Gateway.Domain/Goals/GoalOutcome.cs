namespace Buddy.Domain.Goals;

public enum GoalOutcome
{
    Done,
    Partial,
    NotDone,
}
