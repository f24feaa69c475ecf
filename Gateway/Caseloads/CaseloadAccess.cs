using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Caseloads;

/// <summary>
/// The one place that decides which service users a caller may see. Every page, export and API route starts
/// its query here, so a guessed id outside the caller's scope is simply not found (404), never forbidden data.
/// </summary>
public sealed class CaseloadAccess(BuddyDbContext db)
{
    /// <summary>Service users in scope: never another organisation, never an erased person.</summary>
    public IQueryable<ServiceUser> ServiceUsers(CaseloadScope scope)
    {
        var query = db.ServiceUsers.Where(s => s.OrganisationId == scope.OrganisationId && s.ErasedAtUtc == null);
        return scope.TherapistId is { } therapistId ? query.Where(s => s.TherapistId == therapistId) : query;
    }

    /// <summary>The service user, or null when they do not exist or are outside the scope (the caller answers 404).</summary>
    public Task<ServiceUser?> FindAsync(CaseloadScope scope, Guid serviceUserId, CancellationToken cancellationToken = default) =>
        ServiceUsers(scope).SingleOrDefaultAsync(s => s.Id == serviceUserId, cancellationToken);

    /// <summary>Alerts about service users in scope.</summary>
    public IQueryable<Alert> Alerts(CaseloadScope scope)
    {
        var visible = ServiceUsers(scope).Select(s => s.Id);
        return db.Alerts.Where(a => a.OrganisationId == scope.OrganisationId && visible.Contains(a.ServiceUserId));
    }
}
