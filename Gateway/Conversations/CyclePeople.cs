using Buddy.Domain.ServiceUsers;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Conversations;

/// <summary>
/// The person a session-cycle command (goals, sessions, questionnaires) is for: in the caller's organisation, or a
/// <see cref="CycleValidationException"/> that the page and the API show as they show any other refusal.
/// </summary>
internal static class CyclePeople
{
    public static async Task<ServiceUser> FindAsync(BuddyDbContext db, Guid organisationId, Guid serviceUserId, CancellationToken cancellationToken) =>
        await db.ServiceUsers.SingleOrDefaultAsync(s => s.Id == serviceUserId && s.OrganisationId == organisationId, cancellationToken)
        ?? throw new CycleValidationException("That service user does not exist.");

    /// <summary>As <see cref="FindAsync"/>, and refuses a discharged person with "{name} has been discharged; {refused}."</summary>
    public static async Task<ServiceUser> FindNotDischargedAsync(
        BuddyDbContext db, Guid organisationId, Guid serviceUserId, string refused, CancellationToken cancellationToken)
    {
        var person = await FindAsync(db, organisationId, serviceUserId, cancellationToken);
        return person.Status == ServiceUserStatus.Discharged
            ? throw new CycleValidationException($"{person.DisplayName} has been discharged; {refused}.")
            : person;
    }
}
