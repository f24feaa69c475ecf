namespace Buddy.Domain.Goals;

/// <summary>The wording of goal texts. Placeholders match the managers' GoalReminder template.</summary>
public static class GoalTexts
{
    public const string DefaultReminder =
        "Hi {FirstName}, your goal: \"{Goal}\". How did it go today? Reply DONE, HALF or NOT TODAY.";

    public static string Thanks(GoalOutcome outcome, string firstName) => outcome switch
    {
        GoalOutcome.Done => $"Well done {firstName}! I've noted that for your worker.",
        GoalOutcome.Partial => $"Thanks {firstName}, part-way counts. I've noted that for your worker.",
        _ => $"Thanks for being honest, {firstName}. There's always tomorrow. I've noted it for your worker.",
    };
}
