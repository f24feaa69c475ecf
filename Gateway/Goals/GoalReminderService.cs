using Buddy.Domain.Conversations;
using Buddy.Domain.Goals;
using Buddy.Domain.Sms;
using Buddy.Domain.Templates;
using Buddy.Domain.Time;
using Buddy.Gateway.Conversations;
using Buddy.Gateway.Data;
using Buddy.Gateway.Schedules;
using Buddy.Gateway.Sms.Outbox;
using Buddy.Gateway.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Buddy.Gateway.Goals;

/// <summary>
/// Sends goal reminders that are due ("what is due now?"): one text per goal per local day (DedupeKey
/// goal:{goalId}:{date}), then opens a conversation so "done" / "not today" is recorded against the goal. Due goals are
/// claimed in batches (<see cref="DueBatches"/>), so two runs or two instances never remind twice.
/// </summary>
public sealed class GoalReminderService(BuddyDbContext db, IOptions<ConversationOptions> options, ILogger<GoalReminderService> logger)
{
    public async Task<int> RunDueAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var sent = await DueBatches.RunAsync(db, Due(nowUtc), (ids, _, token) => RemindAsync(ids, nowUtc, token), logger, cancellationToken);
        if (sent > 0)
        {
            logger.LogInformation("Queued {Count} goal reminder(s)", sent);
        }

        return sent;
    }

    /// <summary>Active goals whose reminder is due.</summary>
    internal static DueClaim Due(DateTime nowUtc) =>
        new("goals", "status = {0} AND next_due_at_utc IS NOT NULL AND next_due_at_utc <= {1}", "next_due_at_utc", nameof(GoalStatus.Active), nowUtc);

    /// <summary>Stages the claimed goals' reminders (the batch saves them); returns how many were queued.</summary>
    private async Task<int> RemindAsync(IReadOnlyList<Guid> ids, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var goals = await db.Goals.Where(g => ids.Contains(g.Id)).OrderBy(g => g.NextDueAtUtc).ToListAsync(cancellationToken);
        var personIds = goals.Select(g => g.ServiceUserId).Distinct().ToList();
        var people = await db.ServiceUsers.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var templates = await OrganisationTemplates.DefaultBodiesAsync(db, [.. people.Values.Select(p => p.OrganisationId).Distinct()], TemplateKind.GoalReminder, cancellationToken);

        var sent = 0;
        foreach (var goal in goals)
        {
            var person = people[goal.ServiceUserId];
            var dueAt = goal.NextDueAtUtc!.Value;
            goal.NextDueAtUtc = GoalReminderRule.NextDueUtc(goal, person.TimeZoneId, nowUtc);

            // Paused or unreachable people are skipped, not queued up: a pile of stale goal texts helps nobody.
            var paused = person.IsPausedOn(LocalTimes.LocalDate(nowUtc, person.TimeZoneId));
            if (person.MayNotBeTexted || paused)
            {
                continue;
            }

            var template = templates.GetValueOrDefault(person.OrganisationId) ?? GoalTexts.DefaultReminder;
            var body = MessageText.Fill(template, new Dictionary<string, string> { ["FirstName"] = person.GreetingName, ["Goal"] = goal.Text });
            var date = LocalTimes.LocalDate(dueAt, person.TimeZoneId);
            var message = await OutboundTexts.QueueOnceAsync(db, person, OutboundKind.GoalReminder, body, $"goal:{goal.Id}:{date:yyyy-MM-dd}", nowUtc, cancellationToken);
            if (message is not null)
            {
                db.Conversations.Add(Conversation.AskedBy(
                    person, message, ConversationKind.GoalReply, goal.Id, nowUtc, nowUtc.AddHours(options.Value.GoalReplyExpiryHours)));
                sent++;
            }
        }

        return sent;
    }
}
