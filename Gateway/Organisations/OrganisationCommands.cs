using Buddy.Domain.Organisations;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Organisations;

/// <summary>Reads and changes the signed-in manager's organisation defaults.</summary>
public sealed class OrganisationCommands(BuddyDbContext db, AuditTrail audit)
{
    public Task<Organisation> GetAsync(CaseloadScope actor, CancellationToken cancellationToken) =>
        db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, cancellationToken);

    public async Task<Change<Organisation>> SaveAsync(CaseloadScope actor, OrganisationSettings settings, CancellationToken cancellationToken)
    {
        var organisation = await GetAsync(actor, cancellationToken);
        var errors = settings.Validate(organisation.CountryCode);
        if (!errors.IsValid)
        {
            return Change.Invalid<Organisation>(errors);
        }

        var before = OrganisationSettings.From(organisation);
        settings.ApplyTo(organisation);
        var after = OrganisationSettings.From(organisation);
        var changed = typeof(OrganisationSettings).GetProperties()
            .Where(p => !Equals(p.GetValue(before), p.GetValue(after)))
            .Select(p => p.Name)
            .ToList();
        if (changed.Count > 0)
        {
            audit.Add(actor, "organisation.updated", null, entityType: AuditEntities.Organisation, entityId: organisation.Id.ToString(),
                detail: "changed " + string.Join(", ", changed));
            await db.SaveChangesAsync(cancellationToken);
        }

        return Change.Saved(organisation);
    }
}
