using Buddy.Gateway.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Buddy.Gateway.Pages.Account;

public sealed class SignInModel(SignInManager<BuddyUser> signIn, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public SignInForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    /// <summary>Set after a reset link was used: the new password is ready.</summary>
    public string? Notice { get; private set; }

    public void OnGet(string? done) => Notice = done == "password-set" ? "Your new password is set. Sign in with it now." : null;

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email) || string.IsNullOrEmpty(Input.Password))
        {
            Error = "Enter your email address and password";
            return Page();
        }

        // Counting failures towards lockout is what stops password guessing.
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: account locked out after repeated failures");
            Error = "This account is locked after too many wrong passwords. Try again in 15 minutes or ask your service manager";
        }
        else
        {
            Error = "The email address or password is not right";
        }

        return Page();
    }

    public sealed class SignInForm
    {
        public string Email { get; set; } = "";

        public string Password { get; set; } = "";
    }
}
