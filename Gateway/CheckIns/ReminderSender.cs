using System.Globalization;
using Buddy.Domain.CheckIns;
using Buddy.Domain.Schedules;
using Buddy.Domain.Sms;
using Buddy.Domain.Templates;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.CheckIns;

/// <summary>
/// Writes the one reminder for a check-in that is still unanswered when its reminder falls due. A reminder that
/// could now only go inside quiet hours, too late (past the catch-up window), or to someone who has since opted
/// out or been discharged is dropped for good rather than sent at a bad moment.
/// </summary>
public sealed class ReminderSender(IDbContextFactory<BuddyDbContext> contexts, TimeProvider clock, ILogger<ReminderSender> logger)
{
    public static string DedupeKey(Guid serviceUserId, DateOnly localDate) =>
        $"reminder:{serviceUserId}:{localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>Handles up to <paramref name="maxReminders"/> due reminders; returns how many were written and dropped.</summary>
    public async Task<(int Created, int Dropped)> SendDueAsync(int maxReminders, CancellationToken cancellationToken = default)
    {
        var (created, dropped) = (0, 0);
        var failed = new List<Guid>();
        for (var i = 0; i < maxReminders; i++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var checkIn = await DueRows.ClaimReminderAsync(db, now, failed, cancellationToken);
            if (checkIn is null)
            {
                break;
            }

            try
            {
                if (await WriteAsync(db, checkIn, now, cancellationToken))
                {
                    created++;
                }
                else
                {
                    dropped++;
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                // The reminder for this day already exists: record that on the check-in and move on.
                await transaction.RollbackAsync(cancellationToken);
                await db.CheckIns.Where(c => c.Id == checkIn.Id && c.ReminderSentAtUtc == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.ReminderSentAtUtc, now), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Writing the reminder for check-in {CheckInId} failed; it will be retried on the next run", checkIn.Id);
                failed.Add(checkIn.Id);
            }
        }

        if (created + dropped > 0)
        {
            logger.LogInformation("Reminders: {Created} created, {Dropped} dropped (quiet hours, too late or no longer textable)", created, dropped);
        }

        return (created, dropped);
    }

    private static async Task<bool> WriteAsync(BuddyDbContext db, CheckIn checkIn, DateTime now, CancellationToken cancellationToken)
    {
        var person = await db.ServiceUsers.SingleAsync(p => p.Id == checkIn.ServiceUserId, cancellationToken);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == checkIn.OrganisationId, cancellationToken);
        var schedule = await db.CheckInSchedules.SingleOrDefaultAsync(s => s.ServiceUserId == person.Id, cancellationToken);
        var quiet = QuietHours.For(organisation, schedule);

        var reason = person.MayNotBeTexted ? "the person can no longer be texted"
            : CheckInRules.IsQuietAt(quiet, now, person.TimeZoneId) ? "it would have landed in quiet hours"
            : now - checkIn.ReminderDueAtUtc!.Value > TimeSpan.FromMinutes(organisation.CatchUpWindowMinutes) ? "it was too late after downtime"
            : null;
        if (reason is not null)
        {
            checkIn.ReminderDueAtUtc = null;
            checkIn.Note = $"Reminder not sent: {reason}.";
            return false;
        }

        var templates = await db.MessageTemplates
            .Where(t => t.OrganisationId == organisation.Id && t.Kind == TemplateKind.Reminder)
            .ToListAsync(cancellationToken);
        var body = TemplateRenderer.Render(TemplateRenderer.BodyFor(TemplateKind.Reminder, null, templates), person, organisation);
        OutboundTexts.Queue(db, OutboundTexts.To(person, OutboundKind.Reminder, body, DedupeKey(person.Id, checkIn.LocalDate), now));
        checkIn.ReminderSentAtUtc = now;
        return true;
    }
}
