using Buddy.Gateway.Goals;
using Buddy.Gateway.Questionnaires;
using Buddy.Gateway.Sessions;

namespace Buddy.Gateway.Conversations;

/// <summary>
/// Every session-cycle job in one pass, each asking "what is due now?": expiry first (so a stale question is closed
/// before new ones open), then appointment reminders, goal reminders and scheduled questionnaires.
/// </summary>
public sealed class SessionCycleDueWork(
    ConversationExpiryService expiry,
    AppointmentReminderService appointments,
    GoalReminderService goals,
    QuestionnaireDueService questionnaires)
{
    public async Task<DueWorkCounts> RunDueAsync(DateTime nowUtc, CancellationToken cancellationToken) =>
        new(
            Expired: await expiry.RunDueAsync(nowUtc, cancellationToken),
            AppointmentReminders: await appointments.RunDueAsync(nowUtc, cancellationToken),
            GoalReminders: await goals.RunDueAsync(nowUtc, cancellationToken),
            Questionnaires: await questionnaires.RunDueAsync(nowUtc, cancellationToken));
}

public sealed record DueWorkCounts(int Expired, int AppointmentReminders, int GoalReminders, int Questionnaires);
