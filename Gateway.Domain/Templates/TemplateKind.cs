namespace Buddy.Domain.Templates;

public enum TemplateKind
{
    CheckIn,
    Reminder,
    CheckInSecondStep,
    AppointmentReminder,
    GoalReminder,
    OneOff,
}
