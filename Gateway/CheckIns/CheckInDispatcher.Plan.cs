using Buddy.Domain.CheckIns;
using Buddy.Domain.Organisations;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Domain.Templates;
using Buddy.Gateway.Sms.Outbox;

namespace Buddy.Gateway.CheckIns;

/// <summary>What one due schedule writes: its check-in rows, the texts to send, and its next due time.</summary>
public sealed partial class CheckInDispatcher
{
    /// <summary>Adds the day's check-in rows (and outbox rows for those to send) to <paramref name="rows"/> and moves the schedule on; the caller writes them.</summary>
    private static DispatchPlan Plan(
        DispatchRows rows, CheckInSchedule schedule, ServiceUser person, Organisation organisation, List<MessageTemplate> templates,
        DateOnly? last, DateTime now, DispatchCounts counts)
    {
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
        rows.Rescheduled(schedule.Id, plan.NextDueAtUtc);
        return plan;
    }
}
