using Buddy.Domain.Organisations;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Organisations;

public static class OrganisationLookup
{
    /// <summary>An organisation by its id or its name (case-insensitive), as an operator types it on a command line.</summary>
    public static async Task<Organisation?> FindByNameOrIdAsync(this BuddyDbContext db, string nameOrId, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(nameOrId, out var id))
        {
            return await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        }

        // An installation has a handful of organisations: compare in memory, the same way on every engine.
        var name = nameOrId.Trim();
        var all = await db.Organisations.ToListAsync(cancellationToken);
        return all.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The organisation a command verb's --organisation names, or null once the refusal is written to <paramref name="error"/>.</summary>
    internal static async Task<Organisation?> FindForVerbAsync(this BuddyDbContext db, VerbOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        var named = options["organisation"]!;
        var organisation = await db.FindByNameOrIdAsync(named, cancellationToken);
        if (organisation is null)
        {
            await VerbErrors.FailAsync(error, $"No organisation is named '{named}'.");
        }

        return organisation;
    }
}
