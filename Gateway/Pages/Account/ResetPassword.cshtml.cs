using Buddy.Domain.Staff;
using Buddy.Gateway.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Buddy.Gateway.Pages.Account;

/// <summary>
/// Where a manager's password reset link leads (see <see cref="PasswordResets"/>): the staff member chooses a new
/// password, then signs in with it. A dead link (expired, used, replaced, or for a deactivated account) says so
/// and who to ask, and takes no password.
/// </summary>
public sealed class ResetPasswordModel(PasswordResets resets) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    /// <summary>Null when the link no longer works.</summary>
    public StaffMember? Member { get; private set; }

    public List<(string Key, string Message)> Problems { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Member = await resets.CheckAsync(UserId, Token, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Member = await resets.CheckAsync(UserId, Token, cancellationToken);
        if (Member is null)
        {
            return Page();
        }

        if (string.IsNullOrEmpty(Password))
        {
            Problems.Add(("Password", "Enter a new password"));
        }
        else if (Password != ConfirmPassword)
        {
            Problems.Add(("ConfirmPassword", "The two passwords are not the same: type it again in both boxes"));
        }
        else
        {
            foreach (var (_, messages) in (await resets.CompleteAsync(UserId, Token!, Password, cancellationToken)).Errors)
            {
                Problems.AddRange(messages.Select(m => ("Password", m)));
            }
        }

        if (Problems.Count > 0)
        {
            return Page();
        }

        return RedirectToPage("/Account/SignIn", new { done = "password-set" });
    }
}
