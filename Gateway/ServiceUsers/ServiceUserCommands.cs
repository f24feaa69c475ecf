using System.Globalization;
using Buddy.Domain.Organisations;
using Buddy.Domain.Phones;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Staff;
using Buddy.Domain.Time;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Buddy.Gateway.Schedules;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.ServiceUsers;

/// <summary>
/// Creates and changes service users for the manager console and the API alike, always inside the actor's
/// organisation, and writes the audit event in the same SaveChanges as the change.
/// </summary>
public sealed class ServiceUserCommands(BuddyDbContext db, CaseloadAccess caseloads, AuditTrail audit, TimeProvider clock, ScheduleCommands schedules)
{
    public const string SameOrganisationMessage = "Another service user in your organisation already has this mobile number";

    /// <summary>Says nothing about why: the number may be another organisation's client's.</summary>
    public const string UnavailableMessage = "Buddy cannot use this mobile number. Check it with the person; if it is right, ask your Buddy administrator";

    private const string PhoneInUseTitle = "Phone number in use";
    private const string PhoneUnavailableTitle = "Phone number cannot be used";

    public async Task<Change<ServiceUser>> CreateAsync(
        CaseloadScope actor, ServiceUserInput input, ScheduleInput? schedule, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, cancellationToken);
        var errors = await ValidateAsync(organisation, input, existing: null, cancellationToken);
        if (schedule is not null)
        {
            foreach (var (field, messages) in await schedules.ValidateAsync(organisation, schedule, cancellationToken))
            {
                errors[field] = messages;
            }
        }

        if (!errors.IsValid)
        {
            return Change.Invalid<ServiceUser>(errors);
        }

        var phone = PhoneNumberReader.ReadMobile(input.Phone, organisation.CountryCode).E164!;
        if (await PhoneRefusalAsync(organisation.Id, phone, exceptId: null, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var serviceUser = new ServiceUser { OrganisationId = organisation.Id, DisplayName = "", CreatedAtUtc = now };
        Apply(serviceUser, input, phone, now);
        db.ServiceUsers.Add(serviceUser);
        audit.Add(actor, "service-user.created", serviceUser.Id, entityType: AuditEntities.ServiceUser, entityId: serviceUser.Id.ToString());
        var saved = schedule is null ? null : schedules.Apply(null, serviceUser, schedule, now);
        if (saved is not null)
        {
            audit.Add(actor, "schedule.created", serviceUser.Id, entityType: AuditEntities.CheckInSchedule, entityId: saved.Id.ToString());
        }

        var change = await SaveAsync(serviceUser, cancellationToken);
        if (change.IsSaved && saved is not null)
        {
            await schedules.TimeNextAsync(saved, cancellationToken);
        }

        return change;
    }

    public async Task<Change<ServiceUser>> UpdateAsync(
        CaseloadScope actor, Guid id, ServiceUserInput input, CancellationToken cancellationToken)
    {
        var serviceUser = await FindAsync(actor, id, cancellationToken);
        if (serviceUser is null)
        {
            return Change.NotFound<ServiceUser>();
        }

        var organisation = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, cancellationToken);
        var errors = await ValidateAsync(organisation, input, serviceUser, cancellationToken);
        if (!errors.IsValid)
        {
            return Change.Invalid<ServiceUser>(errors);
        }

        var phone = PhoneNumberReader.ReadMobile(input.Phone, organisation.CountryCode).E164!;
        if (await PhoneRefusalAsync(organisation.Id, phone, serviceUser.Id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var before = Snapshot(serviceUser);
        Apply(serviceUser, input, phone, now);
        var changed = Snapshot(serviceUser).Where((value, i) => value.Value != before[i].Value).Select(c => c.Field).ToList();
        if (changed.Count == 0)
        {
            return Change.Saved(serviceUser);
        }

        // A new zone, pause or discharge moves or stops the next check-in: it is worked out again once saved.
        var retimed = changed.Intersect([nameof(ServiceUser.TimeZoneId), nameof(ServiceUser.Status), nameof(ServiceUser.PausedUntil)]).Any()
            ? await db.CheckInSchedules.Where(s => s.ServiceUserId == serviceUser.Id).ToListAsync(cancellationToken)
            : [];
        retimed.ForEach(s => s.NextDueAtUtc = null);

        var action = changed.Contains(nameof(ServiceUser.Status)) ? StatusAction(serviceUser.Status) : "service-user.updated";
        audit.Add(actor, action, serviceUser.Id, entityType: AuditEntities.ServiceUser, entityId: serviceUser.Id.ToString(),
            detail: Display.DisplayWords.AuditDetail("changed " + string.Join(", ", changed)));
        var change = await SaveAsync(serviceUser, cancellationToken);
        if (change.IsSaved)
        {
            foreach (var schedule in retimed)
            {
                await schedules.TimeNextAsync(schedule, cancellationToken);
            }
        }

        return change;
    }


    /// <summary>Discharge: nothing more is texted; the record and diary stay for the clinical file.</summary>
    public async Task<Change<ServiceUser>> DischargeAsync(CaseloadScope actor, Guid id, CancellationToken cancellationToken)
    {
        var serviceUser = await FindAsync(actor, id, cancellationToken);
        if (serviceUser is null)
        {
            return Change.NotFound<ServiceUser>();
        }

        return await UpdateAsync(actor, id, ToInput(serviceUser) with { Status = ServiceUserStatus.Discharged, PausedUntil = null }, cancellationToken);
    }

    private Task<ServiceUser?> FindAsync(CaseloadScope actor, Guid id, CancellationToken cancellationToken) => caseloads.FindAsync(actor, id, cancellationToken);

    public static ServiceUserInput ToInput(ServiceUser serviceUser) => new()
    {
        DisplayName = serviceUser.DisplayName,
        FirstName = serviceUser.FirstName,
        Phone = serviceUser.PhoneE164,
        TherapistId = serviceUser.TherapistId,
        TimeZoneId = serviceUser.TimeZoneId,
        Status = serviceUser.Status,
        PausedUntil = serviceUser.Status == ServiceUserStatus.Paused ? serviceUser.PausedUntil : null,
        ExternalReference = serviceUser.ExternalReference,
    };

    private async Task<FieldErrors> ValidateAsync(Organisation organisation, ServiceUserInput input, ServiceUser? existing, CancellationToken cancellationToken)
    {
        var zone = LocalTimes.IsKnownZone(input.TimeZoneId) ? input.TimeZoneId : organisation.TimeZoneId;
        var today = LocalTimes.LocalDate(clock.GetUtcNow().UtcDateTime, zone);
        var errors = ServiceUserRules.Validate(input, today, isNew: existing is null, organisation.CountryCode);

        // Keeping an unchanged pause date that has since passed is not an error the user made now.
        if (existing is { Status: ServiceUserStatus.Paused } && input.Status == ServiceUserStatus.Paused && input.PausedUntil == existing.PausedUntil)
        {
            errors.Remove(nameof(input.PausedUntil));
        }

        if (input.TherapistId is { } therapistId && therapistId != existing?.TherapistId &&
            !await db.StaffMembers.AnyAsync(
                s => s.Id == therapistId && s.OrganisationId == organisation.Id && s.Role == StaffRole.Therapist && s.IsActive, cancellationToken))
        {
            errors.Add(nameof(input.TherapistId), "Choose an active therapist from your organisation");
        }

        return errors;
    }

    /// <summary>
    /// Null when nobody else holds the number. A number is one person across the whole installation (a reply is
    /// matched to its sender by number), so a number another organisation's service user holds cannot be used
    /// either; but the refusal must not tell one organisation that another has a client with that number. Within
    /// the organisation it says so plainly; across organisations it says only that Buddy cannot use the number.
    /// </summary>
    private async Task<Change<ServiceUser>?> PhoneRefusalAsync(Guid organisationId, string? phone, Guid? exceptId, CancellationToken cancellationToken)
    {
        var holders = await db.ServiceUsers.Where(s => s.PhoneE164 == phone && s.Id != exceptId).Select(s => s.OrganisationId).ToListAsync(cancellationToken);
        if (holders.Count == 0)
        {
            return null;
        }

        var errors = new FieldErrors();
        if (holders.Contains(organisationId))
        {
            errors.Add(nameof(ServiceUserInput.Phone), SameOrganisationMessage);
            return Change.Conflict<ServiceUser>(PhoneInUseTitle, SameOrganisationMessage + ".", errors);
        }

        errors.Add(nameof(ServiceUserInput.Phone), UnavailableMessage);
        return Change.Conflict<ServiceUser>(PhoneUnavailableTitle, UnavailableMessage + ".", errors);
    }

    /// <param name="phone">The typed number read in the organisation's country: E.164.</param>
    private static void Apply(ServiceUser serviceUser, ServiceUserInput input, string phone, DateTime nowUtc)
    {
        serviceUser.DisplayName = input.DisplayName.Trim();
        serviceUser.FirstName = string.IsNullOrWhiteSpace(input.FirstName) ? null : input.FirstName.Trim();
        serviceUser.PhoneE164 = phone;
        serviceUser.TherapistId = input.TherapistId;
        serviceUser.TimeZoneId = input.TimeZoneId;
        serviceUser.ExternalReference = string.IsNullOrWhiteSpace(input.ExternalReference) ? null : input.ExternalReference.Trim();
        if (serviceUser.Status != input.Status)
        {
            serviceUser.DischargedAtUtc = input.Status == ServiceUserStatus.Discharged ? nowUtc : null;
        }

        serviceUser.Status = input.Status;
        serviceUser.PausedUntil = input.Status == ServiceUserStatus.Paused ? input.PausedUntil : null;
        serviceUser.UpdatedAtUtc = nowUtc;
    }

    /// <summary>The fields a change is reported by (names only: the audit log never holds the phone number itself).</summary>
    private static List<(string Field, string? Value)> Snapshot(ServiceUser s) =>
    [
        (nameof(s.DisplayName), s.DisplayName),
        (nameof(s.FirstName), s.FirstName),
        (nameof(s.PhoneE164), s.PhoneE164),
        (nameof(s.TherapistId), s.TherapistId?.ToString()),
        (nameof(s.TimeZoneId), s.TimeZoneId),
        (nameof(s.Status), s.Status.ToString()),
        (nameof(s.PausedUntil), s.PausedUntil?.ToString("O", CultureInfo.InvariantCulture)),
        (nameof(s.ExternalReference), s.ExternalReference),
    ];

    private static string StatusAction(ServiceUserStatus status) => status switch
    {
        ServiceUserStatus.Paused => "service-user.paused",
        ServiceUserStatus.Discharged => "service-user.discharged",
        _ => "service-user.resumed",
    };

    private async Task<Change<ServiceUser>> SaveAsync(ServiceUser serviceUser, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Change.Saved(serviceUser);
        }
        catch (DbUpdateException)
        {
            // Lost a race with another request for the same number: the unique index said no.
            db.ChangeTracker.Clear();
            if (await PhoneRefusalAsync(serviceUser.OrganisationId, serviceUser.PhoneE164, serviceUser.Id, cancellationToken) is { } refused)
            {
                return refused;
            }

            throw;
        }
    }
}
