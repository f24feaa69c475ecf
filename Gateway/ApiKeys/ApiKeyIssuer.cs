using Buddy.Domain.ApiKeys;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.ApiKeys;

/// <summary>
/// Creates, lists and revokes an organisation's API keys: the create-api-key and revoke-api-key verbs, the manager
/// console's key page and the API's own key routes all come here, so each change is audited the same way.
/// </summary>
public sealed class ApiKeyIssuer(BuddyDbContext db, AuditTrail audit, RecentApiKeys recent, TimeProvider clock)
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
        audit.Add(actor, "api-key.created", null, entityType: AuditEntities.ApiKey, entityId: key.Id.ToString(), detail: $"{key.Name} ({key.Prefix}…)");
        await db.SaveChangesAsync(cancellationToken);
        return (key, secret.Key);
    }

    /// <summary>The organisation's keys, unrevoked first, then newest first. Hashes stay in the database.</summary>
    public Task<List<ApiKey>> ListAsync(Guid organisationId, CancellationToken cancellationToken) =>
        db.ApiKeys.AsNoTracking()
            .Where(k => k.OrganisationId == organisationId)
            .OrderBy(k => k.RevokedAtUtc != null).ThenByDescending(k => k.CreatedAtUtc).ThenBy(k => k.Id)
            .ToListAsync(cancellationToken);

    /// <summary>One of the organisation's keys, or null when no key of theirs has that id.</summary>
    public Task<ApiKey?> FindAsync(Guid organisationId, Guid keyId, CancellationToken cancellationToken) =>
        db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == keyId && k.OrganisationId == organisationId, cancellationToken);

    /// <summary>
    /// The organisation's keys an operator's words name: the key's id, its prefix as shown when it was created
    /// ("bdy_" and 8 characters), or the whole key (found by its hash). More than one only for a shared prefix.
    /// </summary>
    public async Task<List<ApiKey>> FindByWordsAsync(Guid organisationId, string words, CancellationToken cancellationToken)
    {
        var text = words.Trim().TrimEnd('…');
        var keys = db.ApiKeys.AsNoTracking().Where(k => k.OrganisationId == organisationId);
        if (Guid.TryParse(text, out var id))
        {
            return await keys.Where(k => k.Id == id).ToListAsync(cancellationToken);
        }

        if (ApiKeySecret.LooksLikeKey(text))
        {
            var hash = ApiKeySecret.HashOf(text);
            return await keys.Where(k => k.Hash == hash).ToListAsync(cancellationToken);
        }

        return await keys.Where(k => k.Prefix == text).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Revokes at once: the next request with the key is refused (every request looks its key up). NotFound when the
    /// key is not this organisation's. Revoking twice keeps the first time (AlreadyDone).
    /// </summary>
    public async Task<Change<ApiKey>> RevokeAsync(CaseloadScope actor, Guid keyId, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.OrganisationId == actor.OrganisationId, cancellationToken);
        if (key is null)
        {
            return Change.NotFound<ApiKey>();
        }

        var wasRevoked = key.RevokedAtUtc is not null;
        if (!wasRevoked)
        {
            key.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
            audit.Add(actor, "api-key.revoked", null, entityType: AuditEntities.ApiKey, entityId: key.Id.ToString(), detail: $"{key.Name} ({key.Prefix}…)");
            await db.SaveChangesAsync(cancellationToken);
        }

        recent.Forget(key.Hash);
        return wasRevoked ? Change.AlreadyDone(key) : Change.Saved(key);
    }
}
