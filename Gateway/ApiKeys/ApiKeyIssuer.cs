using Buddy.Domain.ApiKeys;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.ApiKeys;

/// <summary>Creates and revokes an organisation's API keys (used by the create-api-key verb and the manager console).</summary>
public sealed class ApiKeyIssuer(BuddyDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    /// <summary>Stores the hash and returns the key itself, which the caller shows once.</summary>
    public async Task<(ApiKey Key, string Secret)> IssueAsync(CaseloadScope actor, string name, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var secret = ApiKeySecret.Generate();
        var key = new ApiKey
        {
            OrganisationId = actor.OrganisationId,
            Name = name.Trim(),
            Prefix = secret.Prefix,
            Hash = secret.Hash,
            CreatedAtUtc = now,
        };
        db.ApiKeys.Add(key);
        audit.Add(actor, "api-key.created", null, entityType: "ApiKey", entityId: key.Id.ToString(), detail: $"{key.Name} ({key.Prefix}…)")
            .ForgetOperatorId();
        await db.SaveChangesAsync(cancellationToken);
        return (key, secret.Key);
    }

    /// <summary>False when the key is not this organisation's. Revoking twice keeps the first time.</summary>
    public async Task<bool> RevokeAsync(CaseloadScope actor, Guid keyId, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.OrganisationId == actor.OrganisationId, cancellationToken);
        if (key is null)
        {
            return false;
        }

        if (key.RevokedAtUtc is null)
        {
            key.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
            audit.Add(actor, "api-key.revoked", null, entityType: "ApiKey", entityId: key.Id.ToString(), detail: $"{key.Name} ({key.Prefix}…)");
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }
}
