using Buddy.Domain.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Audit;

/// <summary>One line of the audit log, with the actor and service user named for a person to read.</summary>
public sealed record AuditLogRow(AuditEvent Event, string Actor, string? ServiceUserName);

public sealed record AuditLogPage(IReadOnlyList<AuditLogRow> Rows, int Page, int PageSize, int Total, IReadOnlyList<string> Actions)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The organisation's audit log for managers, newest first, filtered by service user, action and dates (UTC).</summary>
public sealed class AuditLogQuery(BuddyDbContext db)
{
    public const int PageSize = 50;

    public async Task<AuditLogPage> LoadAsync(
        CaseloadScope scope, Guid? serviceUserId, string? action, DateTime? fromUtc, DateTime? toUtc, int page, CancellationToken cancellationToken)
    {
        var orgId = scope.OrganisationId;
        var query = db.AuditEvents.AsNoTracking().Where(e => e.OrganisationId == orgId);
        if (serviceUserId is { } person)
        {
            query = query.Where(e => e.ServiceUserId == person);
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(e => e.Action == action);
        }

        if (fromUtc is { } from)
        {
            query = query.Where(e => e.OccurredAtUtc >= from);
        }

        if (toUtc is { } to)
        {
            query = query.Where(e => e.OccurredAtUtc < to);
        }

        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var events = await query.OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);

        var staffIds = events.Where(e => e.ActorType == AuditActorType.Staff && e.ActorId != null).Select(e => e.ActorId!.Value).Distinct().ToList();
        var keyIds = events.Where(e => e.ActorType == AuditActorType.ApiKey && e.ActorId != null).Select(e => e.ActorId!.Value).Distinct().ToList();
        var personIds = events.Where(e => e.ServiceUserId != null).Select(e => e.ServiceUserId!.Value).Distinct().ToList();
        var staff = await db.StaffMembers.AsNoTracking().Where(s => staffIds.Contains(s.Id) && s.OrganisationId == orgId)
            .ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().Where(k => keyIds.Contains(k.Id) && k.OrganisationId == orgId)
            .ToDictionaryAsync(k => k.Id, k => $"API key '{k.Name}'", cancellationToken);
        var people = await db.ServiceUsers.AsNoTracking().Where(s => personIds.Contains(s.Id) && s.OrganisationId == orgId)
            .ToDictionaryAsync(s => s.Id, s => s.ErasedAtUtc == null ? s.DisplayName : "(erased)", cancellationToken);
        var actions = await db.AuditEvents.AsNoTracking().Where(e => e.OrganisationId == orgId)
            .Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);

        var rows = events.Select(e => new AuditLogRow(
            e,
            e.ActorType switch
            {
                AuditActorType.Staff when e.ActorId is { } id && staff.TryGetValue(id, out var name) => name,
                AuditActorType.ApiKey when e.ActorId is { } id && keys.TryGetValue(id, out var name) => name,
                _ => Display.DisplayWords.Actor(e.ActorType),
            },
            e.ServiceUserId is { } p && people.TryGetValue(p, out var personName) ? personName : null)).ToList();
        return new AuditLogPage(rows, page, PageSize, total, actions);
    }
}
