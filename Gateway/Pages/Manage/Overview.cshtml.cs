using Buddy.Domain.Time;
using Buddy.Domain.Validation;
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
    public DateInput From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    public ServiceOverviewReport? Report { get; private set; }

    /// <summary>Replies that reached Buddy only through Twilio's log, and when it was last read.</summary>
    public RecoveredTexts? Recovered { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organisation = await organisations.GetAsync(Scope, cancellationToken);
        var today = LocalTimes.LocalDate(clock.GetUtcNow().UtcDateTime, organisation.TimeZoneId);
        var errors = new FieldErrors();
        var to = To.Read("The end date", nameof(To), errors) ?? today;
        var from = From.Read("The start date", nameof(From), errors) ?? to.AddDays(-27);
        if (!errors.IsValid)
        {
            AddErrors(errors, "");
        }
        else if (from > to)
        {
            ModelState.AddModelError(nameof(From), "The start date must be on or before the end date");
        }
        else if (to.DayNumber - from.DayNumber >= ServiceOverviewQuery.MaxDays)
        {
            ModelState.AddModelError(nameof(To), $"Choose a period of at most {ServiceOverviewQuery.MaxDays} days");
        }

        if (errors.IsValid)
        {
            (From, To) = (DateInput.From(from), DateInput.From(to));
        }

        if (ModelState.IsValid)
        {
            Report = await overview.LoadAsync(Scope, from, to, cancellationToken);
            Recovered = await recovered.LoadAsync(Scope, from, to, cancellationToken);
        }
    }
}
