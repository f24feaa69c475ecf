using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Buddy.Gateway.Pages.Account;

public sealed class AccessDeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
