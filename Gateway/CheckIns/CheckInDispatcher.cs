using System.Globalization;
using Buddy.Domain.CheckIns;
using Buddy.Domain.Schedules;
using Buddy.Domain.Templates;
using Buddy.Gateway.Data;
using Buddy.Gateway.Schedules;
using Buddy.Gateway.Sms.Outbox;
using Buddy.Gateway.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Buddy.Gateway.CheckIns;

/// <summary>
/// Turns due schedules into check-ins and outbox messages. Schedules are claimed in batches (up to
/// <see cref="TransactionBatch"/>, by the dialect's claim, which passes over rows another instance holds, or
/// waits for the one writer where the engine has one, so a second instance takes other schedules) and each batch
/// is one transaction: every claimed schedule's <see cref="CheckIn"/> rows (unique per person and local date),
/// outbox rows (unique dedupe key) and next due time commit together or not at all, so a retry, a restart, a
/// misfire or a second instance can never write a second text for the same day. Quiet hours and the catch-up window are decided per schedule by
/// <see cref="CheckInRules.PlanDispatch"/> exactly as for one. Sending is the SMS outbox's job.
/// The rows one due schedule writes are worked out in CheckInDispatcher.Plan.cs.
/// </summary>
public sealed partial class CheckInDispatcher(IDbContextFactory<BuddyDbContext> contexts, TimeProvider clock, BuddyMetrics metrics, ILogger<CheckInDispatcher> logger)
{
    /// <summary>
    /// Schedules handled in one transaction when many are due at once (a whole service at 19:00): one commit and a
    /// few multi-row commands for the lot instead of a commit and three writes each (at 50 a batch, writing ran at
    /// ~570 check-ins/s). All or nothing, as for one; if the batch fails, its schedules are handled one at a time,
    /// so a single bad schedule or an already-written day is isolated exactly as before.
    /// </summary>
    internal const int TransactionBatch = 1000;

    public static string DedupeKey(Guid serviceUserId, DateOnly localDate) =>
        $"checkin:{serviceUserId}:{localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>Handles up to <paramref name="maxSchedules"/> due schedules; returns what it did.</summary>
    public async Task<DispatchCounts> DispatchDueAsync(int maxSchedules, CancellationToken cancellationToken = default)
    {
        using var activity = BuddyMetrics.Activities.StartActivity("checkins.dispatch");
        var counts = new DispatchCounts();
        counts.Initialised = await InitialiseNewSchedulesAsync(maxSchedules, cancellationToken);

        // A schedule that throws is left for the next run (and logged) so it cannot hold up everyone due after it.
        var failed = new List<Guid>();
        for (var handled = 0; handled < maxSchedules;)
        {
            var claimed = await DispatchBatchAsync(Math.Min(TransactionBatch, maxSchedules - handled), counts, failed, cancellationToken);
            if (claimed == 0)
            {
                break;
            }

            handled += claimed;
        }

        metrics.CheckInsDispatched(counts.Created, counts.Missed, counts.SkippedQuietHours);
        if (counts.Any)
        {
            logger.LogInformation(
                "Check-in dispatch: {Created} created, {Missed} missed, {Skipped} skipped in quiet hours, {AlreadyDone} already done, {Rescheduled} rescheduled, {Initialised} new schedules timed, {Failed} failed",
                counts.Created, counts.Missed, counts.SkippedQuietHours, counts.AlreadyDone, counts.Rescheduled, counts.Initialised, counts.Failed);
        }

        return counts;
    }

    /// <summary>
    /// Claims up to <paramref name="take"/> due schedules and handles them in one transaction, in bulk: the claimed
    /// schedules and what planning needs are read untracked in five queries, the outbox and check-in rows are
    /// inserted by multi-row INSERTs (<see cref="BulkInsert"/>: a handful of commands instead of one a row), and
    /// the schedules move on with one UPDATE per distinct pair of claimed and next due time (<see cref="RescheduleAsync"/>).
    /// Returns how many it handled.
    /// </summary>
    private async Task<int> DispatchBatchAsync(int take, DispatchCounts counts, List<Guid> failed, CancellationToken cancellationToken)
    {
        if (take <= 1)
        {
            return await DispatchOneAsync(counts, failed, cancellationToken) ? 1 : 0;
        }

        var batchCounts = new DispatchCounts();
        var phases = new DispatchPhases();
        IReadOnlyList<CheckInSchedule> schedules;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var now = clock.GetUtcNow().UtcDateTime;

            // Where the claim locks its rows (PostgreSQL, SQL Server) it is made inside the write transaction. SQLite's
            // claim only reads, and its transaction takes the database's one write lock at BEGIN: there the batch is
            // read and planned first and the lock is held only for the writes, so the outbox's claims and records
            // are not queued behind this batch's reads and planning (a third of its time in the 100,000 run).
            var transaction = db.Dialect.ClaimLocksRows ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            try
            {
                schedules = await DueRows.ClaimSchedulesAsync(db, now, failed, take, cancellationToken);
                phases.Claimed();
                if (schedules.Count <= 1)
                {
                    if (transaction is not null)
                    {
                        await transaction.RollbackAsync(cancellationToken);
                    }

                    return schedules.Count == 0 ? 0 : await DispatchOneAsync(counts, failed, cancellationToken) ? 1 : 0;
                }

                try
                {
                    var rows = await PlanBatchAsync(db, schedules, now, batchCounts, phases, cancellationToken);
                    phases.Planned();
                    transaction ??= await db.Database.BeginTransactionAsync(cancellationToken);
                    await RescheduleAsync(db, rows, cancellationToken);
                    phases.Updated();
                    await BulkInsert.InsertAsync(db, rows.Messages, cancellationToken);
                    await BulkInsert.InsertAsync(db, rows.CheckIns, cancellationToken);
                    phases.Inserted();
                    await transaction.CommitAsync(cancellationToken);
                    phases.Committed();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Nothing of the batch was written; handle its schedules one at a time to isolate the cause.
                    if (transaction is not null)
                    {
                        await transaction.RollbackAsync(CancellationToken.None);
                    }

                    logger.LogInformation("Check-in batch of {Count} not written ({Error}); handling its schedules one at a time", schedules.Count, ex.GetType().Name);
                    var handled = 0;
                    while (handled < schedules.Count && await DispatchOneAsync(counts, failed, cancellationToken))
                    {
                        handled++;
                    }

                    return handled;
                }
            }
            finally
            {
                if (transaction is not null)
                {
                    await transaction.DisposeAsync();
                }
            }
        }

        logger.LogDebug("Check-in batch of {Count} written: {Phases}", schedules.Count, phases);
        counts.Created += batchCounts.Created;
        counts.Missed += batchCounts.Missed;
        counts.SkippedQuietHours += batchCounts.SkippedQuietHours;
        counts.Rescheduled += batchCounts.Rescheduled;
        return schedules.Count;
    }

    /// <summary>
    /// Moves the batch's schedules on, one UPDATE per claimed and next due time, each only from the due time the batch
    /// read: where the batch was read before the write lock (SQLite), a schedule another dispatcher handled or staff
    /// re-timed meanwhile no longer matches, and the batch is refused before anything is inserted, to be redone one
    /// schedule at a time from what is there now. Where the claim locked the rows, every one matches.
    /// </summary>
    private static async Task RescheduleAsync(BuddyDbContext db, DispatchRows rows, CancellationToken cancellationToken)
    {
        foreach (var (claimedDue, nextDue, ids) in rows.NextDueTimes())
        {
            var moved = await db.CheckInSchedules.Where(s => ids.Contains(s.Id) && s.NextDueAtUtc == claimedDue)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextDueAtUtc, nextDue), cancellationToken);
            if (moved != ids.Count)
            {
                throw new DbUpdateConcurrencyException($"{ids.Count - moved} of the batch's schedules changed after they were read.");
            }
        }
    }

    /// <summary>Claims and handles one due schedule; false when none is due.</summary>
    private async Task<bool> DispatchOneAsync(DispatchCounts counts, List<Guid> failed, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var schedule = await DueRows.ClaimScheduleAsync(db, now, failed, cancellationToken);
        if (schedule is null)
        {
            return false;
        }

        try
        {
            await DispatchAsync(db, transaction, schedule, now, counts, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Dispatching check-in schedule {ScheduleId} failed; it will be retried on the next run", schedule.Id);
            failed.Add(schedule.Id);
            counts.Failed++;
        }

        return true;
    }

    private static async Task DispatchAsync(
        BuddyDbContext db, IDbContextTransaction transaction, CheckInSchedule schedule, DateTime now, DispatchCounts counts, CancellationToken cancellationToken)
    {
        var claimedDue = schedule.NextDueAtUtc;
        var person = await db.ServiceUsers.SingleAsync(p => p.Id == schedule.ServiceUserId, cancellationToken);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == schedule.OrganisationId, cancellationToken);
        var last = await ScheduleRecompute.LastCheckInDateAsync(db, person.Id, cancellationToken);
        var templates = await db.MessageTemplates.Where(t => t.OrganisationId == organisation.Id && (t.Kind == TemplateKind.CheckIn || t.Kind == TemplateKind.CheckInFirstStep)).ToListAsync(cancellationToken);
        var rows = new DispatchRows();
        var plan = Plan(rows, schedule, person, organisation, templates, last, now, counts);
        foreach (var message in rows.Messages)
        {
            OutboundTexts.Queue(db, message);
        }

        db.CheckIns.AddRange(rows.CheckIns);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another path already wrote this day (the database refused a second row): only move the schedule on.
            await transaction.RollbackAsync(cancellationToken);
            counts.Created -= plan.Due.Count(d => d.Outcome == DueOutcome.Send);
            counts.AlreadyDone++;
            await db.CheckInSchedules
                .Where(s => s.Id == schedule.Id && s.NextDueAtUtc == claimedDue)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextDueAtUtc, plan.NextDueAtUtc), cancellationToken);
        }
    }

    /// <summary>
    /// Gives a next due time to enabled schedules that have none yet (new ones from the demo seeder or an import).
    /// Only people who could be texted are looked at, so opted-out or discharged people are not re-read every run.
    /// </summary>
    private async Task<int> InitialiseNewSchedulesAsync(int maxSchedules, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // A day's slack either side of UTC: the rule itself decides whether the end date has really passed.
        var endedBefore = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        var candidates = await db.CheckInSchedules
            .Where(s => s.IsEnabled && s.NextDueAtUtc == null && (s.EndDate == null || s.EndDate >= endedBefore))
            .Join(db.ServiceUsers, s => s.ServiceUserId, p => p.Id, (s, p) => new { Schedule = s, Person = p })
            .Where(x => x.Person.Consent == Domain.ServiceUsers.ConsentState.OptedIn
                && x.Person.PhoneE164 != null
                && (x.Person.Status == Domain.ServiceUsers.ServiceUserStatus.Active
                    || (x.Person.Status == Domain.ServiceUsers.ServiceUserStatus.Paused && x.Person.PausedUntil != null)))
            .OrderByDescending(x => x.Schedule.UpdatedAtUtc) // the newest first, so a backlog never starves a fresh one
            .Select(x => x.Schedule.Id)
            .Take(maxSchedules)
            .ToListAsync(cancellationToken);

        var timed = 0;
        foreach (var id in candidates)
        {
            if (await ScheduleRecompute.RecomputeAsync(contexts, clock.GetUtcNow().UtcDateTime, id, cancellationToken) is not null)
            {
                timed++;
            }
        }

        return timed;
    }
}
