using System.Security.Claims;
using Buddy.Domain.Safeguarding;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Dashboard;

/// <summary>
/// The header's urgent-alert indicator on every staff page: how many urgent (High) alerts are open in the signed-in
/// person's scope (a therapist's own caseload, a manager's organisation), linking to the alerts page. Nothing when
/// there are none, and nothing for anyone without staff claims.
/// </summary>
public sealed class UrgentAlertsViewComponent(CaseloadAccess access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal is not { } user || user.StaffMemberIdOf() is null || user.OrganisationIdOf() is null || user.RoleOf() is null)
        {
            return Content("");
        }

        var count = await access.Alerts(CaseloadScope.Of(user))
            .CountAsync(a => a.AcknowledgedAtUtc == null && a.Severity == RiskLevel.High, HttpContext.RequestAborted);
        return count == 0 ? Content("") : View(count);
    }
}
