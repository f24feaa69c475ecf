using Buddy.Domain.Validation;
using Buddy.Gateway.Caseloads;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Buddy.Gateway.Manage;

/// <summary>The manager console's pages: the signed-in manager's whole-organisation scope, and field errors onto the form.</summary>
public abstract class ManagePageModel : PageModel
{
    protected CaseloadScope Scope => CaseloadScope.Of(User);

    /// <summary>A one-off confirmation for the next page ("Service user created").</summary>
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Confirmation { get; set; }

    protected void AddErrors(FieldErrors errors, string prefix = "Input")
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError($"{prefix}.{field}", message);
            }
        }
    }
}
