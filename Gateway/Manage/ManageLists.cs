using Buddy.Domain.Staff;
using Buddy.Domain.Templates;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Manage;

/// <summary>Choices the manager's forms offer: the organisation's therapists and check-in templates.</summary>
public sealed record ChoiceItem(Guid Id, string Name);

public static class ManageLists
{
    public static Task<List<ChoiceItem>> TherapistsAsync(this BuddyDbContext db, CaseloadScope scope, Guid? include, CancellationToken cancellationToken) =>
        db.StaffMembers.AsNoTracking()
            .Where(s => s.OrganisationId == scope.OrganisationId && s.Role == StaffRole.Therapist && (s.IsActive || s.Id == include))
            .OrderBy(s => s.DisplayName)
            .Select(s => new ChoiceItem(s.Id, s.IsActive ? s.DisplayName : s.DisplayName + " (deactivated)"))
            .ToListAsync(cancellationToken);

    public static Task<List<ChoiceItem>> CheckInTemplatesAsync(this BuddyDbContext db, CaseloadScope scope, CancellationToken cancellationToken) =>
        db.MessageTemplates.AsNoTracking()
            .Where(t => t.OrganisationId == scope.OrganisationId && t.Kind == TemplateKind.CheckIn)
            .OrderByDescending(t => t.IsDefault).ThenBy(t => t.Name)
            .Select(t => new ChoiceItem(t.Id, t.IsDefault ? t.Name + " (default)" : t.Name))
            .ToListAsync(cancellationToken);
}
