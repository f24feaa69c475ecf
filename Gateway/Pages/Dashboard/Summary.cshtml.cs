using System.Globalization;
using System.Text;
using Buddy.Domain.Summaries;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Buddy.Gateway.Pages.Dashboard;

/// <summary>
/// The pre-session summary for one service user, its CSV export and acknowledging its alerts. A service user
/// outside the caller's caseload is "not found" on every handler.
/// </summary>
public sealed class SummaryModel(SummaryQuery summaries, AlertActions alerts, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    /// <summary>The page of the diary to show, for long periods (1 = the earliest entries).</summary>
    [BindProperty(SupportsGet = true, Name = "diary")]
    public int DiaryPage { get; set; } = 1;

    public SummaryView View { get; private set; } = null!;

    public string? PeriodError { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken cancellationToken)
    {
        var view = await LoadAsync(id, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        Notice = done == "acknowledged" ? "Alert acknowledged." : done == "already" ? "Someone else had already acknowledged that alert." : null;
        await audit.RecordAsync(CaseloadScope.Of(User), "summary.viewed", id, "service-user", id.ToString(), PeriodText(view.Summary.Period), cancellationToken);
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

        await audit.RecordAsync(CaseloadScope.Of(User), "entries.exported", id, "service-user", id.ToString(), PeriodText(view.Summary.Period), cancellationToken);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        await EntriesCsv.WriteAsync(text, view.Summary.Diary);
        var name = $"buddy-entries-{view.ServiceUser.ExternalReference ?? view.ServiceUser.Id.ToString()[..8]}-{view.Summary.Period.From:yyyy-MM-dd}-to-{view.Summary.Period.To:yyyy-MM-dd}.csv";
        return File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", name);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, Guid alertId, string? note, CancellationToken cancellationToken)
    {
        var outcome = await alerts.AcknowledgeAsync(CaseloadScope.Of(User), alertId, note, cancellationToken);
        return outcome switch
        {
            AcknowledgeOutcome.NotFound => NotFound(),
            AcknowledgeOutcome.AlreadyAcknowledged => RedirectToPage(new { id, from = From, to = To, done = "already" }),
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
