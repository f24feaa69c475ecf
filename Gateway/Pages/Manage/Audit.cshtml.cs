using Buddy.Domain.Time;
using Buddy.Domain.Validation;
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
    public DateInput From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    [BindProperty(Name = "pageNumber", SupportsGet = true)] // not "page": Razor Pages routes by that name
    public int PageNumber { get; set; } = 1;

    public AuditLogPage? Log { get; private set; }

    public IReadOnlyList<ChoiceItem> People { get; private set; } = [];

    public string TimeZoneId { get; private set; } = "Europe/London";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        TimeZoneId = (await organisations.GetAsync(Scope, cancellationToken)).TimeZoneId;
        People = await caseloads.ServiceUsers(Scope).AsNoTracking().OrderBy(s => s.DisplayName)
            .Select(s => new ChoiceItem(s.Id, s.DisplayName)).ToListAsync(cancellationToken);
        var errors = new FieldErrors();
        var from = From.Read("The start date", nameof(From), errors);
        var to = To.Read("The end date", nameof(To), errors);
        if (from > to)
        {
            errors.Add(nameof(From), "The start date must be on or before the end date");
        }

        AddErrors(errors, "");
        if (!errors.IsValid)
        {
            return; // the filter is shown with its problems; no events for a period that cannot be read
        }

        var zone = LocalTimes.Zone(TimeZoneId);
        DateTime? Start(DateOnly? date) => date is { } d ? zone.AtStartOfDay(NodaTime.LocalDate.FromDateOnly(d)).ToDateTimeUtc() : null;
        Log = await log.LoadAsync(Scope, ServiceUserId, Action, Start(from), Start(to?.AddDays(1)), PageNumber, cancellationToken);
    }

    /// <summary>The filter as it is, on another page: newer or older events.</summary>
    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["serviceUserId"] = ServiceUserId?.ToString(),
        ["action"] = Action,
        ["From.Day"] = From.Day,
        ["From.Month"] = From.Month,
        ["From.Year"] = From.Year,
        ["To.Day"] = To.Day,
        ["To.Month"] = To.Month,
        ["To.Year"] = To.Year,
        ["pageNumber"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
