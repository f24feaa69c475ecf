using System.Globalization;
using System.Text;
using Buddy.Domain.Summaries;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Dashboard;
using Buddy.Gateway.Manage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Buddy.Gateway.Pages.Dashboard;

/// <summary>
/// The pre-session summary for one service user, its CSV export and acknowledging its alerts. A service user
/// outside the caller's caseload is "not found" on every handler.
/// </summary>
public sealed class SummaryModel(SummaryQuery summaries, AlertActions alerts, AuditTrail audit, TimeProvider clock) : PageModel
{
    /// <summary>The period's start as yyyy-MM-dd: what links (diary pages, CSV, acknowledging) carry.</summary>
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    /// <summary>The period as typed in the "Choose another period" day/month/year boxes; wins over from/to when filled in.</summary>
    [BindProperty(SupportsGet = true)]
    public DateInput FromDate { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput ToDate { get; set; } = new();

    /// <summary>The page of the diary to show, for long periods (1 = the earliest entries).</summary>
    [BindProperty(SupportsGet = true, Name = "diary")]
    public int DiaryPage { get; set; } = 1;

    public SummaryView View { get; private set; } = null!;

    public string? PeriodError { get; private set; }

    /// <summary>The box the period's problem is in, for the error summary's link.</summary>
    public string PeriodErrorField { get; private set; } = "FromDate";

    public string? Notice { get; private set; }

    /// <summary>When the page was made, in the organisation's zone: the printed copy says it.</summary>
    public string PrintedAt { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken cancellationToken)
    {
        var view = await LoadAsync(id, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        PrintedAt = LocalDisplay.DateTime(clock.GetUtcNow().UtcDateTime, view.Organisation.TimeZoneId);
        if (FromDate.IsBlank && ToDate.IsBlank)
        {
            (FromDate, ToDate) = (DateInput.From(view.Summary.Period.From), DateInput.From(view.Summary.Period.To));
        }
        Notice = done == "acknowledged" ? "Alert acknowledged." : done == "already" ? "Someone else had already acknowledged that alert." : null;
        await audit.RecordAsync(CaseloadScope.Of(User), "summary.viewed", id, AuditEntities.ServiceUser, id.ToString(), PeriodText(view.Summary.Period), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await LoadAsync(id, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        if (PeriodError is { } error)
        {
            return BadRequest(error);
        }

        await audit.RecordAsync(CaseloadScope.Of(User), "entries.exported", id, AuditEntities.ServiceUser, id.ToString(), PeriodText(view.Summary.Period), cancellationToken);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        await EntriesCsv.WriteAsync(text, view.Summary.Diary, view.ServiceUser.TimeZoneId);
        var name = $"buddy-entries-{view.ServiceUser.ExternalReference ?? view.ServiceUser.Id.ToString()[..8]}-{view.Summary.Period.From:yyyy-MM-dd}-to-{view.Summary.Period.To:yyyy-MM-dd}.csv";
        return File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", name);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, Guid alertId, string? note, CancellationToken cancellationToken)
    {
        var change = await alerts.AcknowledgeAsync(CaseloadScope.Of(User), alertId, note, cancellationToken);
        return change.Outcome switch
        {
            ChangeOutcome.NotFound => NotFound(),
            ChangeOutcome.AlreadyDone => RedirectToPage(new { id, from = From, to = To, done = "already" }),
            _ => RedirectToPage(new { id, from = From, to = To, done = "acknowledged" }),
        };
    }

    private async Task<SummaryView?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var chosen = ChosenPeriod();
        return await summaries.LoadAsync(CaseloadScope.Of(User), id, chosen, DiaryPage, cancellationToken);
    }

    /// <summary>The date range asked for, or null for the default (since the last session).</summary>
    private DateRange? ChosenPeriod()
    {
        if (!FromDate.IsBlank || !ToDate.IsBlank)
        {
            var start = FromDate.Read("The start date");
            var end = ToDate.Read("The end date");
            PeriodError = start.Problem ?? end.Problem ?? (start.IsBlank ? "Enter the start date" : end.IsBlank ? "Enter the end date" : null);
            PeriodErrorField = start.Problem is not null || start.IsBlank ? "FromDate" : "ToDate";
            if (PeriodError is not null)
            {
                return null;
            }

            (From, To) = (FromDate.Iso("The start date"), ToDate.Iso("The end date"));
        }

        if (string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To))
        {
            return null;
        }

        if (!TryParse(From, out var from) || !TryParse(To, out var to))
        {
            PeriodError = "Enter the dates as year-month-day, for example 2026-11-01";
            return null;
        }

        if (from > to)
        {
            PeriodError = "The start date must be on or before the end date";
            return null;
        }

        var range = new DateRange(from, to);
        if (range.Days > SummaryQuery.MaximumDays)
        {
            PeriodError = $"Choose a period of at most {SummaryQuery.MaximumDays} days";
            return null;
        }

        return range;
    }

    private static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string PeriodText(DateRange period) =>
        string.Create(CultureInfo.InvariantCulture, $"{period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd}");
}
