namespace Buddy.Domain.Sms;

public enum OutboundKind
{
    CheckIn,
    Reminder,
    CheckInSecondStep,
    Crisis,
    SafeguardingAlert,
    OptOutConfirmation,
    OptInConfirmation,
    Help,
    OneOff,
    AppointmentReminder,
    GoalReminder,
    Questionnaire,

    /// <summary>A short answer to something the person just texted (agenda noted, goal recorded, change passed on).</summary>
    ConversationReply,
}

public static class OutboundKindExtensions
{
    /// <summary>
    /// Routine texts are ones Buddy starts (check-ins, reminders): they respect quiet hours and schedules.
    /// The rest answer something the person just did (crisis reply, STOP confirmation, next questionnaire item)
    /// or alert staff, and go at once.
    /// </summary>
    public static bool IsRoutine(this OutboundKind kind) => kind is
        OutboundKind.CheckIn or OutboundKind.Reminder or OutboundKind.OneOff or
        OutboundKind.AppointmentReminder or OutboundKind.GoalReminder;
}
