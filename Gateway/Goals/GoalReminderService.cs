using Buddy.Domain.Conversations;
using Buddy.Domain.Goals;
using Buddy.Domain.Sms;
using Buddy.Domain.Templates;
using Buddy.Domain.Time;
using Buddy.Gateway.Conversations;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms.Outbox;
using Buddy.Gateway.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Buddy.Gateway.Goals;

/// <summary>
/// Sends goal reminders that are due ("what is due now?"): one text per goal per local day (DedupeKey
/// goal:{goalId}:{date}), then opens a conversation so "done" / "not today" is recorded against the goal.
/// </summary>
public sealed class GoalReminderService(BuddyDbContext db, IOptions<ConversationOptions> options, ILogger<GoalReminderService> logger)
{
    public async Task<int> RunDueAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var due = await db.Goals
            .Where(g => g.Status == GoalStatus.Active && g.NextDueAtUtc != null && g.NextDueAtUtc <= nowUtc)
            .OrderBy(g => g.NextDueAtUtc)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var goal in due)
        {
            var person = await db.ServiceUsers.SingleAsync(s => s.Id == goal.ServiceUserId, cancellationToken);
            var dueAt = goal.NextDueAtUtc!.Value;
            goal.NextDueAtUtc = GoalReminderRule.NextDueUtc(goal, person.TimeZoneId, nowUtc);

            // Paused or unreachable people are skipped, not queued up: a pile of stale goal texts helps nobody.
            var paused = person.IsPausedOn(LocalTimes.LocalDate(nowUtc, person.TimeZoneId));
            if (!person.MayNotBeTexted && !paused)
            {
                var template = await OrganisationTemplates.DefaultBodyAsync(db, person.OrganisationId, TemplateKind.GoalReminder, GoalTexts.DefaultReminder, cancellationToken);
                var body = MessageText.Fill(template, new Dictionary<string, string> { ["FirstName"] = person.GreetingName, ["Goal"] = goal.Text });
                var date = LocalTimes.LocalDate(dueAt, person.TimeZoneId);
                var message = await OutboundTexts.QueueOnceAsync(db, person, OutboundKind.GoalReminder, body, $"goal:{goal.Id}:{date:yyyy-MM-dd}", nowUtc, cancellationToken);
                if (message is not null)
                {
                    db.Conversations.Add(new Conversation
                    {
                        OrganisationId = person.OrganisationId,
                        ServiceUserId = person.Id,
                        Kind = ConversationKind.GoalReply,
                        SubjectId = goal.Id,
                        OutboundMessageId = message.Id,
                        OpenedAtUtc = nowUtc,
                        ExpiresAtUtc = nowUtc.AddHours(options.Value.GoalReplyExpiryHours),
                    });
                    sent++;
                }
            }

            // Saved per goal: one person's problem never holds back everyone else's reminders.
            await db.SaveChangesAsync(cancellationToken);
        }

        if (sent > 0)
        {
            logger.LogInformation("Queued {Count} goal reminder(s)", sent);
        }

        return sent;
    }
}
