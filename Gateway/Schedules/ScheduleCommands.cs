using Buddy.Domain.Organisations;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Templates;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Schedules;

/// <summary>Sets a service user's check-in schedule and reminder policy (manager console and API share this).</summary>
public sealed class ScheduleCommands(
    BuddyDbContext db, IDbContextFactory<BuddyDbContext> contexts, CaseloadAccess caseloads, AuditTrail audit, TimeProvider clock)
{
    public async Task<FieldErrors> ValidateAsync(Organisation organisation, ScheduleInput input, CancellationToken cancellationToken)
    {
        var errors = ScheduleRules.Validate(input, organisation);
        if (input.TemplateId is { } templateId &&
            !await db.MessageTemplates.AnyAsync(
                t => t.Id == templateId && t.OrganisationId == organisation.Id && t.Kind == TemplateKind.CheckIn, cancellationToken))
        {
            errors.Add(nameof(input.TemplateId), "Choose one of your organisation's check-in templates");
        }

        return errors;
    }

    /// <summary>
    /// Creates or replaces the schedule in the context (the caller saves, then calls <see cref="TimeNextAsync"/>). The
    /// next due time is cleared so nothing fires on the old rule in between.
    /// </summary>
    public CheckInSchedule Apply(CheckInSchedule? existing, ServiceUser serviceUser, ScheduleInput input, DateTime nowUtc)
    {
        var schedule = existing ?? new CheckInSchedule { OrganisationId = serviceUser.OrganisationId, ServiceUserId = serviceUser.Id };
        if (existing is null)
        {
            db.CheckInSchedules.Add(schedule);
        }

        input.ApplyTo(schedule);
        schedule.NextDueAtUtc = null;
        schedule.UpdatedAtUtc = nowUtc;
        return schedule;
    }

    public async Task<Change<CheckInSchedule>> SaveAsync(
        CaseloadScope actor, Guid serviceUserId, ScheduleInput input, CancellationToken cancellationToken)
    {
        var serviceUser = await caseloads.FindAsync(actor, serviceUserId, cancellationToken);
        if (serviceUser is null)
        {
            return Change.NotFound<CheckInSchedule>();
        }

        var organisation = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, cancellationToken);
        var errors = await ValidateAsync(organisation, input, cancellationToken);
        if (!errors.IsValid)
        {
            return Change.Invalid<CheckInSchedule>(errors);
        }

        var existing = await db.CheckInSchedules.SingleOrDefaultAsync(s => s.ServiceUserId == serviceUserId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var schedule = Apply(existing, serviceUser, input, now);
        audit.Add(actor, existing is null ? "schedule.created" : "schedule.updated", serviceUser.Id, entityType: AuditEntities.CheckInSchedule, entityId: schedule.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        await TimeNextAsync(schedule, cancellationToken);
        return Change.Saved(schedule);
    }

    /// <summary>
    /// Switches the daily check-in between one message and two steps. The due time does not depend on the style, so
    /// nothing is re-timed. NotFound when the person is out of scope or has no schedule yet (a manager sets one up first).
    /// </summary>
    public async Task<Change<CheckInSchedule>> SetCheckInStyleAsync(
        CaseloadScope actor, Guid serviceUserId, bool twoStep, CancellationToken cancellationToken)
    {
        var schedule = await caseloads.FindAsync(actor, serviceUserId, cancellationToken) is null
            ? null
            : await db.CheckInSchedules.SingleOrDefaultAsync(s => s.ServiceUserId == serviceUserId, cancellationToken);
        if (schedule is null)
        {
            return Change.NotFound<CheckInSchedule>();
        }

        if (schedule.TwoStep != twoStep)
        {
            schedule.TwoStep = twoStep;
            schedule.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            audit.Add(actor, "schedule.check-in-style", serviceUserId, AuditEntities.CheckInSchedule, schedule.Id.ToString(), twoStep ? "two steps" : "one message");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Change.Saved(schedule);
    }

    /// <summary>
    /// Works out a saved schedule's next due time now, so the answer to a change already says when the next check-in
    /// goes, rather than waiting for the dispatcher's next pass. It is the dispatcher's own recompute (its own
    /// transaction, the schedule row locked), so a dispatcher working on the same schedule cannot be overtaken.
    /// </summary>
    public async Task TimeNextAsync(CheckInSchedule schedule, CancellationToken cancellationToken)
    {
        await ScheduleRecompute.RecomputeAsync(contexts, clock.GetUtcNow().UtcDateTime, schedule.Id, cancellationToken);
        await db.Entry(schedule).ReloadAsync(cancellationToken);
    }
}
