using System.ComponentModel.DataAnnotations;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Time;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Buddy.Gateway.Display;
using Buddy.Gateway.Demo;
using Buddy.Gateway.Sms;
using Buddy.Gateway.Sms.Inbound;
using Buddy.Gateway.Sms.Simulator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Pages.Simulator;

/// <summary>
/// The SMS simulator (Development only): the phones of the service users the signed-in staff member may see (a
/// therapist's caseload, a manager's organisation) on one page. Outbound texts appear as the dispatcher "delivers"
/// them; a reply goes through exactly the inbound pipeline Twilio's webhook uses. Anyone else's service user is 404.
/// The conversation reads newest first, a page at a time, with the reply box above it.
/// </summary>
/// <remarks>
/// The antiforgery check is made here rather than by the framework: a form whose token belongs to another identity
/// (the person signed in or out in another tab since the page loaded) is refused without sending anything, and the
/// page comes back with a fresh token and the typed reply kept, instead of a bare 400.
/// </remarks>
[Authorize(Policy = SimulatorPolicy.Name)]
[IgnoreAntiforgeryToken]
public sealed class IndexModel(BuddyDbContext db, CaseloadAccess caseloads, SmsSettings settings, InboundReception reception, IAntiforgery antiforgery) : PageModel
{
    public const int TextsPerPage = 20;

    public IReadOnlyList<PhoneOwner> People { get; private set; } = [];

    public PhoneOwner? Selected { get; private set; }

    public IReadOnlyList<ConversationLine> Conversation { get; private set; } = [];

    /// <summary>The demo clock's controls; null unless this is Development with the simulator.</summary>
    public DemoTimeTravel? DemoTime { get; private set; }

    /// <summary>What the last demo-clock button did, for the page to say.</summary>
    public string? ClockNotice { get; private set; }

    /// <summary>Set when a form came back with a token that no longer fits the browser's sign-in: nothing was done.</summary>
    public string? StaleFormNotice { get; private set; }

    /// <summary>The page of the conversation shown: 1 is the newest texts.</summary>
    /// <remarks>Not named "page": Razor Pages routes by that name, so it would bind the page path.</remarks>
    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public int PageCount { get; private set; } = 1;

    /// <summary>Changes whenever a text shown changes (a new one, a new state or note), for the refresh script to compare.</summary>
    public string ConversationVersion => string.Join('|', Conversation.Select(l => $"{l.AtUtc.Ticks}:{l.State}:{l.Note?.Length}"));

    [BindProperty]
    [Required(ErrorMessage = "Type a reply to send.")]
    [StringLength(1600, ErrorMessage = "A text can be at most 1,600 characters.")]
    public string? Reply { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? serviceUserId, string? clock, CancellationToken cancellationToken)
    {
        if (settings.Provider != SmsProvider.Simulator)
        {
            return NotFound();
        }

        await LoadAsync(serviceUserId, cancellationToken);
        if (serviceUserId is not null && Selected is null)
        {
            return NotFound();
        }

        ClockNotice = clock switch
        {
            "none" => "Nothing is scheduled to be texted yet.",
            "moved" when DemoTime is not null => $"The demo clock now reads {DemoNow()}.",
            _ => null,
        };
        return Page();
    }

    /// <summary>Demo clock: on to the next text Buddy has scheduled (for the person shown, or anyone).</summary>
    public async Task<IActionResult> OnPostJumpAsync(Guid? serviceUserId, CancellationToken cancellationToken)
    {
        if (settings.Provider != SmsProvider.Simulator || Travel() is not { } travel || !await InScopeAsync(serviceUserId, cancellationToken))
        {
            return NotFound();
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return await StaleFormAsync(serviceUserId, cancellationToken);
        }

        var next = await travel.JumpToNextTextAsync(serviceUserId, cancellationToken);
        return RedirectToPage(new { serviceUserId, clock = next is null ? "none" : "moved" });
    }

    /// <summary>Demo clock: on by an hour or a day.</summary>
    public async Task<IActionResult> OnPostAdvanceAsync(Guid? serviceUserId, string? by, CancellationToken cancellationToken)
    {
        if (settings.Provider != SmsProvider.Simulator || Travel() is not { } travel || !await InScopeAsync(serviceUserId, cancellationToken))
        {
            return NotFound();
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return await StaleFormAsync(serviceUserId, cancellationToken);
        }

        var step = by switch
        {
            "hour" => TimeSpan.FromHours(1),
            "day" => TimeSpan.FromDays(1),
            _ => (TimeSpan?)null,
        };
        if (step is null)
        {
            return BadRequest("Move the demo clock by an hour or a day.");
        }

        await travel.AdvanceAsync(step.Value, cancellationToken);
        return RedirectToPage(new { serviceUserId, clock = "moved" });
    }

    /// <summary>The demo clock's now, in the shown person's zone (or the demo organisation's). Only with a demo clock.</summary>
    public string DemoNow()
    {
        var now = (DemoTime ?? throw new InvalidOperationException("There is no demo clock outside Development with the simulator.")).NowUtc;
        return LocalTimes.ToLocal(now, Selected?.TimeZoneId ?? DemoSeeder.ZoneId).ToString("dddd d MMMM, HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
    }

    /// <summary>No one named, or someone the signed-in staff member may see.</summary>
    private async Task<bool> InScopeAsync(Guid? serviceUserId, CancellationToken cancellationToken) =>
        serviceUserId is not { } id || await caseloads.FindAsync(CaseloadScope.Of(User), id, cancellationToken) is not null;

    private DemoTimeTravel? Travel() => DemoTime ??= HttpContext.RequestServices.GetService<DemoTimeTravel>();

    /// <summary>The conversation alone, polled by the page so new texts appear without a reload.</summary>
    public async Task<IActionResult> OnGetConversationAsync(Guid serviceUserId, CancellationToken cancellationToken)
    {
        if (settings.Provider != SmsProvider.Simulator)
        {
            return NotFound();
        }

        PageNumber = 1; // only the newest texts refresh by themselves
        await LoadAsync(serviceUserId, cancellationToken);
        return Selected is null ? NotFound() : Partial("_Conversation", this);
    }

    public async Task<IActionResult> OnPostReplyAsync(Guid serviceUserId, CancellationToken cancellationToken)
    {
        if (settings.Provider != SmsProvider.Simulator)
        {
            return NotFound();
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return await StaleFormAsync(serviceUserId, cancellationToken);
        }

        PageNumber = 1;
        await LoadAsync(serviceUserId, cancellationToken);
        if (Selected is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await reception.AcceptAsync(
            new InboundText(SimulatorSmsSender.NewMessageSid(), Selected.Phone, SimulatorSmsSender.Number, Reply!, OptOutType: null), cancellationToken);
        return RedirectToPage(new { serviceUserId });
    }

    /// <summary>The page again, with a fresh token for whoever the browser is now signed in as, and nothing done.</summary>
    private async Task<IActionResult> StaleFormAsync(Guid? serviceUserId, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        PageNumber = 1;
        await LoadAsync(serviceUserId, cancellationToken);
        StaleFormNotice = "Nothing was sent: you signed in or out in another tab since this page opened, so its form had expired. " +
            "The page is up to date now; press the button again.";
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task LoadAsync(Guid? serviceUserId, CancellationToken cancellationToken)
    {
        Travel();
        var scope = CaseloadScope.Of(User);
        People = await caseloads.ServiceUsers(scope).AsNoTracking()
            .Where(u => u.PhoneE164 != null)
            .OrderBy(u => u.DisplayName)
            .Select(u => new PhoneOwner(u.Id, u.DisplayName, u.PhoneE164!, u.TimeZoneId, u.Consent, u.Status, u.PausedUntil))
            .ToListAsync(cancellationToken);
        Selected = People.FirstOrDefault(p => p.Id == serviceUserId);
        if (Selected is null)
        {
            return;
        }

        // Newest first, a page at a time: enough rows of each direction are read to fill the page asked for.
        var person = Selected;
        var outboundCount = await db.OutboundMessages
            .CountAsync(m => m.OrganisationId == scope.OrganisationId && (m.ServiceUserId == person.Id || m.ToPhone == person.Phone), cancellationToken);
        var inboundCount = await db.InboundMessages
            .CountAsync(m => m.FromPhone == person.Phone && (m.ServiceUserId == person.Id || (m.ServiceUserId == null && m.OrganisationId == null)), cancellationToken);
        PageCount = Math.Max(1, (outboundCount + inboundCount + TextsPerPage - 1) / TextsPerPage);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var wanted = PageNumber * TextsPerPage;
        var outbound = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.OrganisationId == scope.OrganisationId && (m.ServiceUserId == person.Id || m.ToPhone == person.Phone))
            .OrderByDescending(m => m.CreatedAtUtc).Take(wanted)
            .Select(m => new { m.Body, At = m.SentAtUtc ?? m.CreatedAtUtc, m.Status, m.ErrorMessage })
            .ToListAsync(cancellationToken);
        var inbound = await db.InboundMessages.AsNoTracking()
            // Theirs, or not yet matched to anyone (a reply still being processed); never another person's.
            .Where(m => m.FromPhone == person.Phone && (m.ServiceUserId == person.Id || (m.ServiceUserId == null && m.OrganisationId == null)))
            .OrderByDescending(m => m.ReceivedAtUtc).Take(wanted)
            .Select(m => new { m.Body, m.ReceivedAtUtc, m.State, m.Outcome })
            .ToListAsync(cancellationToken);

        Conversation = outbound.Select(m => new ConversationLine(false, m.Body, m.At, Local(m.At), DisplayWords.Outbound(m.Status), m.ErrorMessage))
            .Concat(inbound.Select(m => new ConversationLine(true, m.Body, m.ReceivedAtUtc, Local(m.ReceivedAtUtc), DisplayWords.Inbound(m.State), m.Outcome)))
            .OrderByDescending(l => l.AtUtc)
            .Skip((PageNumber - 1) * TextsPerPage)
            .Take(TextsPerPage)
            .ToList();

        string Local(DateTime utc) => LocalTimes.ToLocal(utc, person.TimeZoneId).ToString("ddd d MMM HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
    }

    public sealed record PhoneOwner(Guid Id, string Name, string Phone, string TimeZoneId, ConsentState Consent, ServiceUserStatus Status, DateOnly? PausedUntil);

    /// <summary>One bubble: <paramref name="FromPerson"/> is a reply, otherwise a text Buddy sent.</summary>
    public sealed record ConversationLine(bool FromPerson, string Body, DateTime AtUtc, string LocalTime, string State, string? Note);
}
