using Buddy.Domain.Audit;
using Buddy.Domain.Conversations;
using Buddy.Domain.Organisations;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Domain.Time;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Conversations;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Buddy.Gateway.Questionnaires;

/// <summary>
/// Starts questionnaires (on demand by a therapist, or from a schedule), sets the every-N-weeks schedule, and
/// withdraws one in progress. The first text carries a short introduction and item 1.
/// </summary>
public sealed class QuestionnaireService(BuddyDbContext db, TimeProvider clock, IOptions<QuestionnaireOptions> options)
{
    /// <summary>Sends a questionnaire now (or when the person's quiet hours end).</summary>
    public async Task<Change<QuestionnaireRun>> SendNowAsync(Guid organisationId, Guid serviceUserId, QuestionnaireKind kind, AuditActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await CyclePeople.FindAsync(db, organisationId, serviceUserId, cancellationToken) is not { } person)
        {
            return Change.NotFound<QuestionnaireRun>();
        }

        var started = await StartAsync(person, kind, QuestionnaireSource.OnDemand, actor, null, null, now, cancellationToken);
        if (started.IsSaved)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return started;
    }

    /// <summary>Sends a questionnaire every <paramref name="everyWeeks"/> weeks from a local date and time.</summary>
    public async Task<Change<QuestionnaireSchedule>> ScheduleAsync(
        Guid organisationId, Guid serviceUserId, QuestionnaireKind kind, int everyWeeks, DateOnly firstDate, TimeOnly localTime, AuditActor actor,
        CancellationToken cancellationToken)
    {
        if (everyWeeks is < 1 or > 26)
        {
            return Change.Refused<QuestionnaireSchedule>("Choose every 1 to 26 weeks.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (await CyclePeople.FindAsync(db, organisationId, serviceUserId, cancellationToken) is not { } person)
        {
            return Change.NotFound<QuestionnaireSchedule>();
        }

        var firstDue = LocalTimes.ToUtc(firstDate, localTime, person.TimeZoneId);
        if (firstDue < now.AddMinutes(-1))
        {
            return Change.Refused<QuestionnaireSchedule>("The first questionnaire date must be today or later.");
        }

        var schedule = await db.QuestionnaireSchedules.SingleOrDefaultAsync(s => s.ServiceUserId == person.Id && s.Kind == kind, cancellationToken);
        if (schedule is null)
        {
            schedule = new QuestionnaireSchedule { OrganisationId = organisationId, ServiceUserId = person.Id, Kind = kind };
            db.QuestionnaireSchedules.Add(schedule);
        }

        schedule.EveryWeeks = everyWeeks;
        schedule.LocalTime = localTime;
        schedule.NextDueAtUtc = firstDue;
        schedule.IsEnabled = true;
        schedule.SetByStaffId = actor.StaffId;
        schedule.UpdatedAtUtc = now;
        AuditTrail.Stage(db, actor, organisationId, "questionnaire.scheduled", person.Id, AuditEntities.QuestionnaireSchedule, schedule.Id.ToString(), $"{kind} every {everyWeeks} week(s)", now);
        await db.SaveChangesAsync(cancellationToken);
        return Change.Saved(schedule);
    }

    public async Task<Change<QuestionnaireSchedule>> StopScheduleAsync(Guid organisationId, Guid scheduleId, AuditActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var schedule = await db.QuestionnaireSchedules.SingleOrDefaultAsync(s => s.Id == scheduleId && s.OrganisationId == organisationId, cancellationToken);
        if (schedule is null)
        {
            return Change.NotFound<QuestionnaireSchedule>();
        }

        schedule.IsEnabled = false;
        schedule.UpdatedAtUtc = now;
        AuditTrail.Stage(db, actor, organisationId, "questionnaire.unscheduled", schedule.ServiceUserId, AuditEntities.QuestionnaireSchedule, schedule.Id.ToString(), null, now);
        await db.SaveChangesAsync(cancellationToken);
        return Change.Saved(schedule);
    }

    /// <summary>
    /// Withdraws a questionnaire in progress: answers so far are kept, unscored, and its texts still waiting in the
    /// outbox (an opening held back by quiet hours, the next item) are withdrawn with it, so none arrives afterwards.
    /// Refused, with the reason, when it is not in progress.
    /// </summary>
    public async Task<Change<QuestionnaireRun>> WithdrawAsync(Guid organisationId, Guid runId, AuditActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var run = await db.QuestionnaireRuns.SingleOrDefaultAsync(r => r.Id == runId && r.OrganisationId == organisationId, cancellationToken);
        if (run is null)
        {
            return Change.NotFound<QuestionnaireRun>();
        }

        if (WithdrawalRefusal(run, now) is { } refusal)
        {
            return Change.Refused<QuestionnaireRun>(refusal);
        }

        // Its texts by their keys (see StartAsync and QuestionnaireReplies), never by their words, which change with a name.
        var runKeys = $"q:{run.Id}:";
        var scheduledOpening = run.ScheduleId is { } scheduleId ? $"qs:{scheduleId}:" : runKeys;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Only rows no sender has claimed: one already on its way is recorded as sent, truthfully.
        await db.OutboundMessages
            .Where(m => m.ServiceUserId == run.ServiceUserId && m.Kind == OutboundKind.Questionnaire && m.Status == OutboundStatus.Pending &&
                        (m.DedupeKey!.StartsWith(runKeys) || m.DedupeKey!.StartsWith(scheduledOpening)))
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboundStatus.Cancelled)
                .SetProperty(m => m.StatusUpdatedAtUtc, now)
                .SetProperty(m => m.ErrorCode, OutboxCancelReasons.Withdrawn)
                .SetProperty(m => m.ErrorMessage, "Withdrawn: the questionnaire was withdrawn."), cancellationToken);
        run.Close(QuestionnaireStatus.Cancelled, now, actor.Type == AuditActorType.ApiKey ? "withdrawn through the API" : "withdrawn by therapist");
        AuditTrail.Stage(db, actor, organisationId, "questionnaire.withdrawn", run.ServiceUserId, AuditEntities.QuestionnaireRun, run.Id.ToString(), null, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Change.Saved(run);
    }

    /// <summary>Why a questionnaire cannot be withdrawn now, or null when it can (it is still in progress).</summary>
    private static string? WithdrawalRefusal(QuestionnaireRun run, DateTime now) => run.Status switch
    {
        QuestionnaireStatus.Completed => "That questionnaire is already completed: a completed questionnaire cannot be withdrawn.",
        QuestionnaireStatus.Cancelled => $"That questionnaire was already stopped{(run.CloseReason is { } why ? $" ({why})" : "")}.",
        _ when !run.IsOpenAt(now) => "That questionnaire has already expired.",
        _ => null,
    };

    /// <summary>
    /// Adds the run and its first text (not saved). Refused when the person cannot be texted or already has this
    /// questionnaire in progress; an expired one left open is closed first.
    /// </summary>
    internal async Task<Change<QuestionnaireRun>> StartAsync(
        ServiceUser person, QuestionnaireKind kind, QuestionnaireSource source, AuditActor actor, Guid? scheduleId, string? dedupeKey, DateTime now,
        CancellationToken cancellationToken)
    {
        if (person.MayNotBeTexted)
        {
            return Change.Refused<QuestionnaireRun>($"{person.DisplayName} cannot be texted (opted out, discharged or no number).");
        }

        var definition = QuestionnaireDefinitions.For(kind);
        var open = await db.QuestionnaireRuns
            .Where(r => r.ServiceUserId == person.Id && r.Kind == kind && r.Status == QuestionnaireStatus.InProgress)
            .ToListAsync(cancellationToken);
        foreach (var stale in open.Where(r => !r.IsOpenAt(now)))
        {
            stale.Close(QuestionnaireStatus.Expired, now, ConversationExpiryService.ExpiredReason);
        }

        if (open.Any(r => r.IsOpenAt(now)))
        {
            return Change.Refused<QuestionnaireRun>($"{person.DisplayName} already has a {definition.Name} in progress.");
        }

        // A questionnaire is something Buddy starts, so it waits for the end of quiet hours like a check-in would.
        var organisation = await db.Organisations.SingleAsync(o => o.Id == person.OrganisationId, cancellationToken);
        var schedule = await db.CheckInSchedules.FirstOrDefaultAsync(s => s.ServiceUserId == person.Id, cancellationToken);
        var sendAt = QuietHoursDeferral.NotBeforeUtc(now, person.TimeZoneId, QuietHours.For(organisation, schedule));

        var run = new QuestionnaireRun
        {
            OrganisationId = person.OrganisationId,
            ServiceUserId = person.Id,
            Kind = kind,
            Source = source,
            ScheduleId = scheduleId,
            RequestedByStaffId = actor.StaffId,
            StartedAtUtc = now,
            LastPromptAtUtc = sendAt,
            ExpiresAtUtc = sendAt.AddHours(options.Value.ExpiryHours),
        };
        db.QuestionnaireRuns.Add(run);
        // A scheduled opening is keyed by its schedule and date (once, whichever instance runs it); an on-demand one by its run.
        await OutboundTexts.QueueOnceAsync(db, person, OutboundKind.Questionnaire, QuestionnaireTexts.Opening(definition, person.GreetingName), dedupeKey ?? $"q:{run.Id}:open", now, cancellationToken, sendAt);
        AuditTrail.Stage(db, actor, person.OrganisationId, "questionnaire.sent", person.Id, AuditEntities.QuestionnaireRun, run.Id.ToString(), definition.Name, now);
        return Change.Saved(run);
    }
}
