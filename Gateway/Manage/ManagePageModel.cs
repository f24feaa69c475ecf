using Buddy.Domain.Organisations;
using Buddy.Domain.Validation;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Buddy.Gateway.Pages;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Manage;

/// <summary>The manager console's pages: the signed-in manager's whole-organisation scope, and field errors onto the form.</summary>
public abstract class ManagePageModel : PageModel
{
    protected CaseloadScope Scope => CaseloadScope.Of(User);

    /// <summary>A one-off confirmation for the next page ("Service user created").</summary>
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Confirmation { get; set; }

    /// <summary>The manager's organisation, its zone and country put in ViewData for the service user and staff fields.</summary>
    protected async Task<Organisation> LoadOrganisationAsync(BuddyDbContext db, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == Scope.OrganisationId, cancellationToken);
        ViewData["OrganisationZone"] = organisation.TimeZoneId;
        ViewData["OrganisationCountry"] = organisation.CountryCode;
        return organisation;
    }

    protected void AddErrors(FieldErrors errors, string prefix = "Input") => ModelState.AddErrors(errors, prefix);
}
