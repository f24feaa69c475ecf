using Buddy.Domain.Time;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Manage;
using Buddy.Gateway.Organisations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Pages.Manage;

/// <summary>The organisation's audit log: filter by service user, action and dates (the organisation's zone); 50 a page.</summary>
public sealed class AuditModel(AuditLogQuery log, CaseloadAccess caseloads, OrganisationCommands organisations) : ManagePageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? ServiceUserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public AuditLogPage? Log { get; private set; }

    public IReadOnlyList<ChoiceItem> People { get; private set; } = [];

    public string TimeZoneId { get; private set; } = "Europe/London";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        TimeZoneId = (await organisations.GetAsync(Scope, cancellationToken)).TimeZoneId;
        People = await caseloads.ServiceUsers(Scope).AsNoTracking().OrderBy(s => s.DisplayName)
            .Select(s => new ChoiceItem(s.Id, s.DisplayName)).ToListAsync(cancellationToken);
        var zone = LocalTimes.Zone(TimeZoneId);
        DateTime? Start(DateOnly? date) => date is { } d ? zone.AtStartOfDay(NodaTime.LocalDate.FromDateOnly(d)).ToDateTimeUtc() : null;
        Log = await log.LoadAsync(Scope, ServiceUserId, Action, Start(From), Start(To?.AddDays(1)), PageNumber, cancellationToken);
    }

    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["serviceUserId"] = ServiceUserId?.ToString(),
        ["action"] = Action,
        ["from"] = From?.ToString("yyyy-MM-dd"),
        ["to"] = To?.ToString("yyyy-MM-dd"),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
