using System.Security.Claims;
using Buddy.Domain.Summaries;
using Buddy.Domain.Time;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Dashboard;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Api;

/// <summary>/api/v1: a service user's diary entries and summary, and the organisation's alerts.</summary>
internal static class DiaryApi
{
    /// <summary>Two years and a day: the longest range one request may ask for.</summary>
    public const int MaxRangeDays = 732;

    /// <param name="person">/service-users/{id}, behind <see cref="ServiceUserRouteFilter"/>.</param>
    public static RouteGroupBuilder MapDiaryApi(this RouteGroupBuilder api, RouteGroupBuilder person)
    {
        person.MapGet("/entries", ListEntriesAsync).WithName("ListEntries").WithTags("Diary")
            .WithSummary("Diary entries between two local dates (inclusive; default the last 30 days, at most two years).")
            .WithDescription("riskLevel is the highest tier of the day's replies (High, Review or None) and riskSubjects says who is at risk at that tier " +
                "(Sender: from themselves; SenderFromOthers: harm done to them by someone else; ThirdParty: someone else).")
            .Produces<List<EntryResource>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        person.MapGet("/summary", SummaryAsync).WithName("GetSummary").WithTags("Diary")
            .WithSummary("The pre-session summary: since the last session, or between two local dates (both or neither).")
            .Produces<SummaryResource>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        var alerts = api.MapGroup("/alerts").WithTags("Alerts");
        alerts.MapGet("/", ListAlertsAsync).WithName("ListAlerts")
            .WithSummary("Alerts, the latest activity first (a reply joining an open safeguarding alert counts); status is open (default), acknowledged or all.")
            .WithDescription("Read contactCautions first: they say whether someone else may read the person's phone or they asked not to be called. " +
                "severity is the tier (High: crisis reply sent and staff told; Review: a human should look, no crisis text); subjects say who is at risk " +
                "(Sender, SenderFromOthers, ThirdParty); replies lists every risky reply behind a safeguarding alert, each with its own tier and subject.")
            .Produces<PagedList<AlertResource>>().ProducesValidationProblem();
        alerts.MapPost("/{id:guid}/acknowledge", AcknowledgeAsync).WithName("AcknowledgeAlert")
            .WithSummary("Records that the alert was seen and dealt with. Acknowledging twice keeps the first.")
            .Produces<AlertResource>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListEntriesAsync(
        HttpContext http, BuddyDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken,
        DateOnly? from = null, DateOnly? to = null)
    {
        var (serviceUser, actor) = ServiceUserInScope.Of(http);
        var id = serviceUser.Id;

        var now = clock.GetUtcNow().UtcDateTime;
        var last = to ?? LocalTimes.LocalDate(now, serviceUser.TimeZoneId);
        var first = from ?? last.AddDays(-29);
        var errors = new FieldErrors();
        if (first > last)
        {
            errors.Add("from", "'from' must be on or before 'to'");
        }
        else if (last.DayNumber - first.DayNumber >= MaxRangeDays)
        {
            errors.Add("to", $"Ask for at most {MaxRangeDays} days at a time");
        }

        if (!errors.IsValid)
        {
            return ApiCaller.Invalid(errors);
        }

        var entries = await db.DiaryEntries.AsNoTracking()
            .Where(e => e.ServiceUserId == id && e.OrganisationId == actor.OrganisationId && e.LocalDate >= first && e.LocalDate <= last)
            .OrderBy(e => e.LocalDate).ThenBy(e => e.CreatedAtUtc)
            .ToListAsync(cancellationToken);
        audit.Add(actor, "entries.viewed", id, entityType: AuditEntities.ServiceUser, entityId: id.ToString(), detail: $"{first:yyyy-MM-dd} to {last:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(entries.Select(EntryResource.From).ToList());
    }

    private static async Task<IResult> ListAlertsAsync(
        ClaimsPrincipal user, BuddyDbContext db, CaseloadAccess caseloads, AuditTrail audit, CancellationToken cancellationToken,
        string status = "open", Guid? serviceUserId = null, int page = 1, int pageSize = 50)
    {
        var actor = user.Actor();
        var query = caseloads.Alerts(actor).AsNoTracking();
        switch (status.ToLowerInvariant())
        {
            case "open":
                query = query.Where(a => a.AcknowledgedAtUtc == null);
                break;
            case "acknowledged":
                query = query.Where(a => a.AcknowledgedAtUtc != null);
                break;
            case "all":
                break;
            default:
                var errors = new FieldErrors();
                errors.Add(nameof(status), "Use open, acknowledged or all");
                return ApiCaller.Invalid(errors);
        }

        if (serviceUserId is { } only)
        {
            query = query.Where(a => a.ServiceUserId == only);
        }

        var pagingErrors = new FieldErrors();
        if (Paging.From(page, pageSize, pagingErrors) is not { } paging)
        {
            return ApiCaller.Invalid(pagingErrors);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.LatestReplyAtUtc ?? a.CreatedAtUtc).ThenBy(a => a.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        var replies = await AlertView.RepliesAsync(db, [.. items.Select(a => a.Id)], cancellationToken);
        foreach (var person in items.Select(a => a.ServiceUserId).Distinct())
        {
            audit.Add(actor, "alerts.viewed", person, entityType: AuditEntities.ServiceUser, entityId: person.ToString());
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<AlertResource>([.. items.Select(a => AlertResource.From(a, replies[a.Id]))], paging.Page, paging.PageSize, total));
    }

    private static async Task<IResult> AcknowledgeAsync(
        Guid id, AcknowledgeRequest? request, ClaimsPrincipal user, BuddyDbContext db, CaseloadAccess caseloads, AlertActions alerts, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var change = await alerts.AcknowledgeAsync(actor, id, request?.Note, cancellationToken);
        return await change.ToResultAsync("alert", async _ =>
        {
            // Read back as stored, whoever acknowledged it (someone may have done so first).
            var alert = await caseloads.Alerts(actor).AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
            var replies = await AlertView.RepliesAsync(db, [alert.Id], cancellationToken);
            return TypedResults.Ok(AlertResource.From(alert, replies[alert.Id]));
        });
    }

    private static async Task<IResult> SummaryAsync(
        HttpContext http, SummaryQuery summaries, AuditTrail audit, CancellationToken cancellationToken,
        DateOnly? from = null, DateOnly? to = null)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
        var id = person.Id;
        DateRange? chosen = null;
        if (from is not null || to is not null)
        {
            var errors = new FieldErrors();
            if (from is null || to is null)
            {
                errors.Add(from is null ? "from" : "to", "Give both 'from' and 'to', or neither for the period since the last session");
            }
            else if (from > to)
            {
                errors.Add("from", "'from' must be on or before 'to'");
            }
            else if (to.Value.DayNumber - from.Value.DayNumber >= SummaryQuery.MaximumDays)
            {
                errors.Add("to", $"Ask for at most {SummaryQuery.MaximumDays} days at a time");
            }

            if (!errors.IsValid)
            {
                return ApiCaller.Invalid(errors);
            }

            chosen = new DateRange(from!.Value, to!.Value);
        }

        var view = await summaries.LoadAsync(actor, id, chosen, cancellationToken: cancellationToken);
        if (view is null)
        {
            return ApiCaller.NotFound("service user");
        }

        await audit.RecordAsync(actor, "summary.viewed", id, AuditEntities.ServiceUser, id.ToString(),
            $"{view.Summary.Period.From:yyyy-MM-dd} to {view.Summary.Period.To:yyyy-MM-dd}", cancellationToken);
        return TypedResults.Ok(SummaryResource.Of(view));
    }
}
