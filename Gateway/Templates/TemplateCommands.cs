using Buddy.Domain.Templates;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Templates;

/// <summary>Creates and edits an organisation's message templates; at most one default per kind.</summary>
public sealed class TemplateCommands(BuddyDbContext db, AuditTrail audit, TimeProvider clock)
{
    public Task<List<MessageTemplate>> ListAsync(CaseloadScope actor, CancellationToken cancellationToken) =>
        db.MessageTemplates.AsNoTracking().Where(t => t.OrganisationId == actor.OrganisationId)
            .OrderBy(t => t.Kind).ThenByDescending(t => t.IsDefault).ThenBy(t => t.Name).ToListAsync(cancellationToken);

    public Task<MessageTemplate?> FindAsync(CaseloadScope actor, Guid id, CancellationToken cancellationToken) =>
        db.MessageTemplates.SingleOrDefaultAsync(t => t.Id == id && t.OrganisationId == actor.OrganisationId, cancellationToken);

    /// <summary>Creates when <paramref name="id"/> is null; NotFound when <paramref name="id"/> names no template of the organisation.</summary>
    public async Task<Change<MessageTemplate>> SaveAsync(
        CaseloadScope actor, Guid? id, TemplateInput input, CancellationToken cancellationToken)
    {
        var errors = input.Validate();
        if (!errors.IsValid)
        {
            return Change.Invalid<MessageTemplate>(errors);
        }

        var template = id is { } existingId ? await FindAsync(actor, existingId, cancellationToken) : null;
        if (id is not null && template is null)
        {
            return Change.NotFound<MessageTemplate>();
        }

        // A template a schedule uses must stay a check-in template, or that schedule would send the wrong kind.
        if (template is not null && template.Kind != input.Kind
            && await db.CheckInSchedules.AnyAsync(s => s.TemplateId == template.Id, cancellationToken))
        {
            errors.Add(nameof(input.Kind), "Schedules use this template, so it must stay a check-in template");
            return Change.Invalid<MessageTemplate>(errors);
        }

        template ??= db.MessageTemplates.Add(new MessageTemplate { OrganisationId = actor.OrganisationId, Name = "", Body = "" }).Entity;
        var isNew = db.Entry(template).State == EntityState.Added;
        template.Kind = input.Kind;
        template.Name = input.Name.Trim();
        template.Body = input.Body.Trim();
        template.IsDefault = input.IsDefault;
        template.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        if (input.IsDefault)
        {
            await db.MessageTemplates
                .Where(t => t.OrganisationId == actor.OrganisationId && t.Kind == input.Kind && t.IsDefault && t.Id != template.Id)
                .ForEachAsync(t => t.IsDefault = false, cancellationToken);
        }

        audit.Add(actor, isNew ? "template.created" : "template.updated", null, entityType: AuditEntities.MessageTemplate, entityId: template.Id.ToString(),
            detail: $"{Display.DisplayWords.TemplateKind(template.Kind)}: {template.Name}{(template.IsDefault ? " (default)" : "")}");
        await db.SaveChangesAsync(cancellationToken);
        return Change.Saved(template);
    }
}
