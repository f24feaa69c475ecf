using Buddy.Domain.Audit;
using Buddy.Domain.Phones;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Staff;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Buddy.Gateway.Display;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Staff;

/// <summary>What a manager may do to one staff account, and why not when they may not.</summary>
public sealed record StaffPermissions(bool IsSelf, bool CanEditDetails, bool CanChangeRole, bool CanResetPassword, bool CanDeactivate, string? Why);

/// <summary>
/// Changes a staff member's name, role and alert phone. Nobody changes their own role (a manager could otherwise
/// lock the organisation out of its console by mistake), and only an administrator makes, unmakes or resets an
/// administrator: a service manager who could would be one step from the administrator's rights. A role change
/// reaches the person's open sessions when their sign-in is next checked (within five minutes, see IdentitySetup).
/// </summary>
public sealed class StaffChanges(BuddyDbContext db, AuditTrail audit)
{
    /// <summary>The roles <paramref name="actorRole"/> may give.</summary>
    public static IReadOnlyList<StaffRole> AssignableBy(StaffRole actorRole) =>
        actorRole == StaffRole.Admin ? [StaffRole.Therapist, StaffRole.ServiceManager, StaffRole.Admin] : [StaffRole.Therapist, StaffRole.ServiceManager];

    /// <summary>The actor's own role: an operator at the command line acts as an administrator, anything else as no manager at all.</summary>
    public async Task<StaffRole> ActorRoleAsync(CaseloadScope actor, CancellationToken cancellationToken) => actor.ActorType switch
    {
        AuditActorType.Staff => await db.StaffMembers.Where(s => s.Id == actor.ActorId).Select(s => s.Role).SingleAsync(cancellationToken),
        AuditActorType.Operator => StaffRole.Admin,
        _ => StaffRole.Therapist,
    };

    public static StaffPermissions Permissions(CaseloadScope actor, StaffRole actorRole, StaffMember member)
    {
        if (member.Id == actor.ActorId)
        {
            return new StaffPermissions(true, true, false, false, false, "This is your own account: another service manager can change your role, reset your password or deactivate it.");
        }

        if (member.Role == StaffRole.Admin && actorRole != StaffRole.Admin)
        {
            return new StaffPermissions(false, false, false, false, false, "Only an administrator can change an administrator's account.");
        }

        return new StaffPermissions(false, true, true, member.IsActive, member.IsActive, null);
    }

    /// <summary>NotFound when the staff member is not in the actor's organisation; Invalid with errors keyed DisplayName, Role, AlertPhone.</summary>
    public async Task<Change<StaffMember>> UpdateAsync(
        CaseloadScope actor, Guid staffId, string? displayName, StaffRole role, string? alertPhone, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == staffId && s.OrganisationId == actor.OrganisationId, cancellationToken);
        if (member is null)
        {
            return Change.NotFound<StaffMember>();
        }

        var country = await db.Organisations.Where(o => o.Id == actor.OrganisationId).Select(o => o.CountryCode).SingleAsync(cancellationToken);
        var input = new StaffInput(displayName ?? "", member.Email, role, alertPhone);
        var errors = input.Validate(country);
        var permissions = Permissions(actor, await ActorRoleAsync(actor, cancellationToken), member);
        if (!permissions.CanEditDetails)
        {
            errors.Add(nameof(StaffInput.DisplayName), permissions.Why ?? "You cannot change this account");
        }
        else if (role != member.Role && !permissions.CanChangeRole)
        {
            errors.Add(nameof(StaffInput.Role), permissions.Why ?? "You cannot change this role");
        }
        else if (role != member.Role && !AssignableBy(await ActorRoleAsync(actor, cancellationToken)).Contains(role))
        {
            errors.Add(nameof(StaffInput.Role), "Only an administrator can make someone an administrator");
        }

        if (!errors.IsValid)
        {
            return Change.Invalid<StaffMember>(errors);
        }

        var changes = new List<string>();
        var name = input.DisplayName.Trim();
        if (name != member.DisplayName)
        {
            changes.Add("name");
            member.DisplayName = name;
        }

        if (role != member.Role)
        {
            changes.Add($"role from {DisplayWords.Role(member.Role)} to {DisplayWords.Role(role)}");
            member.Role = role;
        }

        var phone = AlertPhone(alertPhone, country);
        if (phone != member.AlertPhone)
        {
            changes.Add("alert phone");
            member.AlertPhone = phone;
        }

        if (changes.Count > 0)
        {
            audit.Add(actor, "staff.updated", null, entityType: AuditEntities.StaffMember, entityId: member.Id.ToString(), detail: "changed " + string.Join(", ", changes));
            await db.SaveChangesAsync(cancellationToken);
        }

        return Change.Saved(member);
    }

    /// <summary>The alert phone as stored (E.164), or null when none was given; call after validation.</summary>
    private static string? AlertPhone(string? typed, string country) =>
        string.IsNullOrWhiteSpace(typed) ? null : PhoneNumberReader.ReadMobile(typed, country).E164;
}
