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
}
