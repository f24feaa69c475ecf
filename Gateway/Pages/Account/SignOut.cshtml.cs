using Buddy.Gateway.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Buddy.Gateway.Pages.Account;

/// <summary>
/// Signing out is a POST (with antiforgery), so a link on another site cannot sign anyone out. It rotates the
/// account's security stamp first, so a copy of the cookie (a shared computer, a stolen one) stops working within
/// the stamp check interval rather than living on until it expires.
/// </summary>
public sealed class SignOutModel(SignInManager<BuddyUser> signIn, UserManager<BuddyUser> users) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn");
    }
}
