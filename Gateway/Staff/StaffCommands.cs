using Buddy.Domain.Phones;
using Buddy.Domain.Staff;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Buddy.Gateway.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Staff;

/// <summary>
/// Adds staff with a sign-in account, and deactivates them. The manager console and the create-staff verb both
/// come here, so Identity's password rules and the audit trail apply the same way to both.
/// </summary>
public sealed class StaffCommands(BuddyDbContext db, StaffAccounts accounts, UserManager<BuddyUser> users, AuditTrail audit, TimeProvider clock, StaffChanges changes)
{
    public const string PasswordField = "Password";

    /// <summary>Invalid, with field errors (including Identity's password messages), when nothing was created.</summary>
    public async Task<Change<StaffMember>> CreateAsync(
        CaseloadScope actor, StaffInput input, string password, CancellationToken cancellationToken)
    {
        var country = await db.Organisations.Where(o => o.Id == actor.OrganisationId).Select(o => o.CountryCode).SingleAsync(cancellationToken);
        var errors = input.Validate(country);
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new BuddyUser(), password);
            foreach (var error in result.Errors)
            {
                errors.Add(PasswordField, error.Description);
            }
        }

        // An empty password gets one message, not every rule it breaks; and only an administrator makes another.
        if (string.IsNullOrEmpty(password))
        {
            errors[PasswordField] = ["Enter a first password for them"];
        }

        if (!StaffChanges.AssignableBy(await changes.ActorRoleAsync(actor, cancellationToken)).Contains(input.Role) && Enum.IsDefined(input.Role))
        {
            errors.Add(nameof(input.Role), "Only an administrator can make someone an administrator");
        }

        // Exact matches are caught here; Identity's unique normalised email catches other casings below.
        var email = input.Email.Trim();
        if (errors.IsValid && await db.StaffMembers.AnyAsync(s => s.Email == email, cancellationToken))
        {
            errors.Add(nameof(input.Email), "A staff member with this email address already exists");
        }

        if (!errors.IsValid)
        {
            return Change.Invalid<StaffMember>(errors);
        }

        var staff = new StaffMember
        {
            OrganisationId = actor.OrganisationId,
            DisplayName = input.DisplayName.Trim(),
            Email = email,
            Role = input.Role,
            AlertPhone = string.IsNullOrWhiteSpace(input.AlertPhone) ? null : PhoneNumberReader.ReadMobile(input.AlertPhone, country).E164,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };

        // The staff row and the sign-in account commit together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.StaffMembers.Add(staff);
        audit.Add(actor, "staff.created", null, entityType: AuditEntities.StaffMember, entityId: staff.Id.ToString(), detail: Display.DisplayWords.Role(staff.Role));
        await db.SaveChangesAsync(cancellationToken);
        var account = await accounts.CreateAsync(staff, password);
        if (!account.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            foreach (var error in account.Errors)
            {
                errors.Add(error.Code.Contains("Password", StringComparison.Ordinal) ? PasswordField : nameof(input.Email), error.Description);
            }

            return Change.Invalid<StaffMember>(errors);
        }

        await transaction.CommitAsync(cancellationToken);
        return Change.Saved(staff);
    }

    /// <summary>
    /// Deactivating stops sign-in at once and ends open sessions at their next check (security stamp). Their service
    /// users stay assigned until a manager moves them. NotFound when the staff member is not in the actor's organisation;
    /// AlreadyDone when they already were.
    /// </summary>
    public async Task<Change<StaffMember>> SetActiveAsync(CaseloadScope actor, Guid staffId, bool active, CancellationToken cancellationToken)
    {
        var staff = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == staffId && s.OrganisationId == actor.OrganisationId, cancellationToken);
        if (staff is null)
        {
            return Change.NotFound<StaffMember>();
        }

        if (staff.IsActive == active)
        {
            return Change.AlreadyDone(staff);
        }

        staff.IsActive = active;
        audit.Add(actor, active ? "staff.reactivated" : "staff.deactivated", null, entityType: AuditEntities.StaffMember, entityId: staff.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        if (await accounts.FindAsync(staff) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        return Change.Saved(staff);
    }
}
