using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Dashboard;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Buddy.Gateway.Pages.Dashboard;

/// <summary>The caseload: a therapist's own service users (a manager's whole organisation), alerts first.</summary>
public sealed class IndexModel(CaseloadQuery caseload, AuditTrail audit) : PageModel
{
    public IReadOnlyList<CaseloadRow> Rows { get; private set; } = [];

    public bool ShowTherapist { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = CaseloadScope.Of(User);
        ShowTherapist = scope.IsWholeOrganisation;
        Rows = await caseload.LoadAsync(scope, cancellationToken);
        await audit.RecordAsync(scope, "caseload.viewed", null, detail: $"{Rows.Count} service users", cancellationToken: cancellationToken);
    }
}
