namespace Buddy.Domain.Templates;

public enum TemplateKind
{
    CheckIn,
    Reminder,
    CheckInSecondStep,
    AppointmentReminder,
    GoalReminder,
    OneOff,

    /// <summary>The first text of a two-step check-in: "How are you feeling?" with the mood scale.</summary>
    CheckInFirstStep,
}
