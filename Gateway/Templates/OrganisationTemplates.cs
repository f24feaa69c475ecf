using Buddy.Domain.Templates;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Templates;

/// <summary>The wording an organisation chose for a kind of text.</summary>
internal static class OrganisationTemplates
{
    /// <summary>The organisation's default wording for a kind of text, or Buddy's own when it has none.</summary>
    public static async Task<string> DefaultBodyAsync(BuddyDbContext db, Guid organisationId, TemplateKind kind, string fallback, CancellationToken cancellationToken) =>
        await db.MessageTemplates
            .Where(t => t.OrganisationId == organisationId && t.Kind == kind && t.IsDefault)
            .Select(t => t.Body)
            .FirstOrDefaultAsync(cancellationToken) ?? fallback;

    /// <summary>
    /// <see cref="DefaultBodyAsync"/> for several organisations in one query (a batch of due reminders); an
    /// organisation missing from the answer has no default of its own.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> DefaultBodiesAsync(
        BuddyDbContext db, IReadOnlyCollection<Guid> organisationIds, TemplateKind kind, CancellationToken cancellationToken) =>
        (await db.MessageTemplates
            .Where(t => organisationIds.Contains(t.OrganisationId) && t.Kind == kind && t.IsDefault)
            .Select(t => new { t.OrganisationId, t.Body })
            .ToListAsync(cancellationToken))
        .GroupBy(t => t.OrganisationId)
        .ToDictionary(g => g.Key, g => g.First().Body);
}
