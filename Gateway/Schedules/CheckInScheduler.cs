using Buddy.Domain.Audit;
using Buddy.Domain.Schedules;
using Buddy.Domain.Sms;
using Buddy.Domain.Templates;
using Buddy.Gateway.CheckIns;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Schedules;

/// <summary>
/// What the manager console calls. After a change to a schedule (time, days, dates, quiet hours, enabled) or to
/// the person (pause, discharge, consent, time zone, phone), recomputing makes the very next occurrence follow
/// the change with no restart; a day that already had its check-in is never sent again. Also queues a manager's
/// one-off message. Callers check the signed-in member of staff may act on the ids they pass.
/// </summary>
public sealed class CheckInScheduler(IDbContextFactory<BuddyDbContext> contexts, TimeProvider clock, ILogger<CheckInScheduler> logger)
{
    /// <summary>A one-off text is kept to four SMS segments.</summary>
    public const int MaxOneOffLength = 612;

    /// <summary>Recomputes one schedule in its own transaction; returns its new next due time (null: none).</summary>
    public Task<DateTime?> RecomputeAsync(Guid scheduleId, CancellationToken cancellationToken = default) =>
        ScheduleRecompute.RecomputeAsync(contexts, clock.GetUtcNow().UtcDateTime, scheduleId, cancellationToken);

    /// <summary>Recomputes the schedule of a person whose pause, status, consent, zone or phone changed.</summary>
    public async Task<DateTime?> RecomputeForServiceUserAsync(Guid serviceUserId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var scheduleId = await db.CheckInSchedules.Where(s => s.ServiceUserId == serviceUserId).Select(s => (Guid?)s.Id).SingleOrDefaultAsync(cancellationToken);
        return scheduleId is { } id ? await RecomputeAsync(id, cancellationToken) : null;
    }

    /// <summary>After a change to an organisation's quiet hours or time zone: recomputes each of its schedules.</summary>
    public async Task<int> RecomputeOrganisationAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        List<Guid> ids;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            ids = await db.CheckInSchedules.Where(s => s.OrganisationId == organisationId).Select(s => s.Id).ToListAsync(cancellationToken);
        }

        foreach (var id in ids)
        {
            await RecomputeAsync(id, cancellationToken);
        }

        return ids.Count;
    }

    /// <summary>
    /// For a page saving a change in its own context: sets the tracked schedule's next due time from the values
    /// being saved, so the change and its effect commit together. The caller calls SaveChanges.
    /// </summary>
    public Task<DateTime?> ApplyAsync(BuddyDbContext db, CheckInSchedule schedule, CancellationToken cancellationToken = default) =>
        ScheduleRecompute.ApplyAsync(db, schedule, clock.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>
    /// Queues a one-off text from a member of staff to a person in the same organisation. Refused (with a reason a
    /// manager can read) when the person may not be texted; inside quiet hours it waits for them to end.
    /// </summary>
    public async Task<OneOffResult> SendOneOffAsync(Guid serviceUserId, string body, Guid staffId, CancellationToken cancellationToken = default)
    {
        body = body.Trim();
        if (body.Length == 0)
        {
            return OneOffResult.Refused("Write the message first.");
        }

        if (body.Length > MaxOneOffLength)
        {
            return OneOffResult.Refused($"Keep the message to {MaxOneOffLength} characters (it is {body.Length}).");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var person = await db.ServiceUsers.SingleOrDefaultAsync(p => p.Id == serviceUserId, cancellationToken);
        var staff = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == staffId, cancellationToken);
        if (person is null || staff is null || staff.OrganisationId != person.OrganisationId)
        {
            return OneOffResult.Refused("That service user is not in your organisation.");
        }

        if (person.MayNotBeTexted)
        {
            return OneOffResult.Refused(person.PhoneE164 is null ? "There is no phone number to text."
                : person.Consent == Domain.ServiceUsers.ConsentState.OptedOut ? "They have opted out of texts (STOP)."
                : "They have been discharged.");
        }

        var organisation = await db.Organisations.SingleAsync(o => o.Id == person.OrganisationId, cancellationToken);
        var schedule = await db.CheckInSchedules.SingleOrDefaultAsync(s => s.ServiceUserId == person.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var notBefore = CheckInRules.FirstAllowedAt(QuietHours.For(organisation, schedule), now, person.TimeZoneId);
        var message = RoutineText.To(person, OutboundKind.OneOff, TemplateRenderer.Render(body, person, organisation), null, notBefore, now);
        db.OutboundMessages.Add(message);
        db.AuditEvents.Add(new AuditEvent
        {
            OrganisationId = organisation.Id,
            ActorType = AuditActorType.Staff,
            ActorId = staffId,
            Action = "message.one-off.queued",
            EntityType = nameof(OutboundMessage),
            EntityId = message.Id.ToString(),
            ServiceUserId = person.Id,
            Detail = notBefore > now ? $"Held until quiet hours end at {notBefore:u}" : null,
            OccurredAtUtc = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("One-off message {MessageId} queued by staff {StaffId}, not before {NotBeforeUtc:u}", message.Id, staffId, notBefore);
        return new OneOffResult(message.Id, notBefore, null);
    }
}

/// <summary>A queued one-off (its outbox id and when it may go) or the reason it was refused.</summary>
public sealed record OneOffResult(Guid? MessageId, DateTime? NotBeforeUtc, string? Refusal)
{
    public bool Queued => MessageId is not null;

    public static OneOffResult Refused(string reason) => new(null, null, reason);
}
