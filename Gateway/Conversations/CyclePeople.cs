using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Validation;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Conversations;

/// <summary>
/// The person a session-cycle command (goals, sessions, questionnaires) is for: in the caller's organisation, or the
/// refusal that the page and the API show as they show any other.
/// </summary>
internal static class CyclePeople
{
    public static Task<ServiceUser?> FindAsync(BuddyDbContext db, Guid organisationId, Guid serviceUserId, CancellationToken cancellationToken) =>
        db.ServiceUsers.SingleOrDefaultAsync(s => s.Id == serviceUserId && s.OrganisationId == organisationId, cancellationToken);

    /// <summary>
    /// The person (as the outcome's value) when they may have this done: in the organisation and not discharged.
    /// Otherwise NotFound, or the refusal "{name} has been discharged; {refused}.", which the caller passes on with
    /// <see cref="Change{T}.Refusal{TOther}"/>.
    /// </summary>
    public static async Task<Change<ServiceUser>> FindNotDischargedAsync(
        BuddyDbContext db, Guid organisationId, Guid serviceUserId, string refused, CancellationToken cancellationToken)
    {
        var person = await FindAsync(db, organisationId, serviceUserId, cancellationToken);
        return person switch
        {
            null => Change.NotFound<ServiceUser>(),
            { Status: ServiceUserStatus.Discharged } => Change.Refused<ServiceUser>($"{person.DisplayName} has been discharged; {refused}."),
            _ => Change.Saved(person),
        };
    }
}
