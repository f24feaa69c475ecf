using Buddy.Domain.Staff;
using Buddy.Gateway.Data;
using Buddy.Gateway.Manage;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Pages.Manage.Staff;

/// <summary>The organisation's staff; each name opens the account's page (role, password reset, deactivation).</summary>
public sealed class IndexModel(BuddyDbContext db) : ManagePageModel
{
    public IReadOnlyList<StaffMember> Members { get; private set; } = [];

    public Guid SelfId => Scope.ActorId;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Members = await db.StaffMembers.AsNoTracking().Where(s => s.OrganisationId == Scope.OrganisationId)
            .OrderBy(s => s.DisplayName).ToListAsync(cancellationToken);
}
