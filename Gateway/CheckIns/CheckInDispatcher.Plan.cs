using Buddy.Domain.CheckIns;
using Buddy.Domain.Organisations;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Domain.Templates;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.CheckIns;

/// <summary>What one due schedule writes: its check-in rows, the texts to send, and its next due time.</summary>
public sealed partial class CheckInDispatcher
{
    /// <summary>
    /// Reads what planning a batch of claimed schedules needs (their people, organisations, templates and each
    /// person's last check-in date) untracked in four queries, and plans every schedule as <see cref="Plan"/> plans one.
    /// </summary>
    private static async Task<DispatchRows> PlanBatchAsync(
        BuddyDbContext db, IReadOnlyList<CheckInSchedule> schedules, DateTime now, DispatchCounts counts, DispatchPhases phases, CancellationToken cancellationToken)
    {
        var personIds = schedules.Select(s => s.ServiceUserId).ToList();
        var organisationIds = schedules.Select(s => s.OrganisationId).Distinct().ToList();
        var people = await db.ServiceUsers.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var organisations = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var templates = (await db.MessageTemplates
            .Where(t => organisationIds.Contains(t.OrganisationId) && (t.Kind == TemplateKind.CheckIn || t.Kind == TemplateKind.CheckInFirstStep))
            .ToListAsync(cancellationToken)).ToLookup(t => t.OrganisationId);
        var lastDates = await db.CheckIns.Where(c => personIds.Contains(c.ServiceUserId))
            .GroupBy(c => c.ServiceUserId)
            .Select(g => new { ServiceUserId = g.Key, Last = g.Max(c => c.LocalDate) })
            .ToDictionaryAsync(x => x.ServiceUserId, x => (DateOnly?)x.Last, cancellationToken);
        phases.Loaded();

        var rows = new DispatchRows();
        foreach (var schedule in schedules)
        {
            Plan(rows, schedule, people[schedule.ServiceUserId], organisations[schedule.OrganisationId],
                [.. templates[schedule.OrganisationId]], lastDates.GetValueOrDefault(schedule.ServiceUserId), now, counts);
        }

        return rows;
    }

    /// <summary>Adds the day's check-in rows (and outbox rows for those to send) to <paramref name="rows"/> and moves the schedule on; the caller writes them.</summary>
    private static DispatchPlan Plan(
        DispatchRows rows, CheckInSchedule schedule, ServiceUser person, Organisation organisation, List<MessageTemplate> templates,
        DateOnly? last, DateTime now, DispatchCounts counts)
    {
        var claimedDue = schedule.NextDueAtUtc;
        var quiet = QuietHours.For(organisation, schedule);
        var plan = CheckInRules.PlanDispatch(schedule, person, quiet, TimeSpan.FromMinutes(organisation.CatchUpWindowMinutes), now, last);
        var template = plan.Due.Any(d => d.Outcome == DueOutcome.Send)
            ? TemplateRenderer.CheckInBodyFor(schedule.TwoStep, schedule.TemplateId, templates)
            : null;

        foreach (var (occurrence, outcome) in plan.Due)
        {
            var checkIn = new CheckIn
            {
                OrganisationId = organisation.Id,
                ServiceUserId = person.Id,
                LocalDate = occurrence.LocalDate,
                DueAtUtc = occurrence.DueAtUtc,
            };
            switch (outcome)
            {
                case DueOutcome.Send:
                    var message = OutboundTexts.To(person, OutboundKind.CheckIn, TemplateRenderer.Render(template!, person, organisation),
                        DedupeKey(person.Id, occurrence.LocalDate), now);
                    rows.Messages.Add(message);
                    checkIn.Status = CheckInStatus.Sent;
                    checkIn.OutboundMessageId = message.Id;
                    checkIn.SentAtUtc = now;
                    checkIn.ReminderDueAtUtc = CheckInRules.ReminderDue(schedule, person, quiet, now);
                    counts.Created++;
                    break;
                case DueOutcome.Missed:
                    checkIn.Status = CheckInStatus.Missed;
                    checkIn.Note = $"Not sent: Buddy was not running within the {organisation.CatchUpWindowMinutes}-minute catch-up window after it was due.";
                    counts.Missed++;
                    break;
                case DueOutcome.SkippedQuietHours:
                    checkIn.Status = CheckInStatus.Skipped;
                    checkIn.Note = "Not sent: it was late and could only have gone inside quiet hours.";
                    counts.SkippedQuietHours++;
                    break;
            }

            rows.CheckIns.Add(checkIn);
        }

        if (plan.Due.Count == 0)
        {
            counts.Rescheduled++;
        }

        schedule.NextDueAtUtc = plan.NextDueAtUtc;
        rows.Rescheduled(schedule.Id, claimedDue, plan.NextDueAtUtc);
        return plan;
    }
}
