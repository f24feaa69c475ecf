using Buddy.Domain.Time;
using Buddy.Gateway.Manage;
using Buddy.Gateway.Organisations;
using Buddy.Gateway.Overview;
using Buddy.Gateway.Sms.Inbound;
using Microsoft.AspNetCore.Mvc;

namespace Buddy.Gateway.Pages.Manage;

/// <summary>How the service is doing over a chosen period (default: the last 28 days).</summary>
public sealed class OverviewModel(ServiceOverviewQuery overview, RecoveredTextsQuery recovered, OrganisationCommands organisations, TimeProvider clock) : ManagePageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public ServiceOverviewReport? Report { get; private set; }

    /// <summary>Replies that reached Buddy only through Twilio's log, and when it was last read.</summary>
    public RecoveredTexts? Recovered { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organisation = await organisations.GetAsync(Scope, cancellationToken);
        var today = LocalTimes.LocalDate(clock.GetUtcNow().UtcDateTime, organisation.TimeZoneId);
        var to = To ?? today;
        var from = From ?? to.AddDays(-27);
        if (from > to)
        {
            ModelState.AddModelError(nameof(From), "The start date must be on or before the end date");
        }
        else if (to.DayNumber - from.DayNumber >= ServiceOverviewQuery.MaxDays)
        {
            ModelState.AddModelError(nameof(To), $"Choose a period of at most {ServiceOverviewQuery.MaxDays} days");
        }

        (From, To) = (from, to);
        if (ModelState.IsValid)
        {
            Report = await overview.LoadAsync(Scope, from, to, cancellationToken);
            Recovered = await recovered.LoadAsync(Scope, from, to, cancellationToken);
        }
    }
}
