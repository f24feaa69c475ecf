using Buddy.Domain.ApiKeys;
using Buddy.Domain.Validation;
using Buddy.Gateway.ApiKeys;
using Buddy.Gateway.Manage;
using Microsoft.AspNetCore.Mvc;

namespace Buddy.Gateway.Pages.Manage.ApiKeys;

/// <summary>
/// Asks before revoking one of the organisation's keys (a revoked key cannot be restored), then revokes it: the
/// form carries the antiforgery token, and the revocation is audited. Another organisation's key is 404.
/// </summary>
public sealed class RevokeModel(ApiKeyIssuer issuer) : ManagePageModel
{
    public ApiKey Key { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await issuer.FindAsync(Scope.OrganisationId, id, cancellationToken) is not { } key)
        {
            return NotFound();
        }

        if (key.RevokedAtUtc is not null)
        {
            Confirmation = $"The key '{key.Name}' is already revoked.";
            return RedirectToPage("Index");
        }

        Key = key;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await issuer.FindAsync(Scope.OrganisationId, id, cancellationToken) is not { } key
            || (await issuer.RevokeAsync(Scope, id, cancellationToken)).Outcome == ChangeOutcome.NotFound)
        {
            return NotFound();
        }

        Confirmation = $"The key '{key.Name}' ({key.Prefix}…) was revoked. Anything using it is refused from now on.";
        return RedirectToPage("Index");
    }
}
