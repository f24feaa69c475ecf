using Buddy.Gateway.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Buddy.Gateway.Pages.Errors;

/// <summary>
/// Buddy's page for a status a page answered without a body of its own (see <see cref="StatusPages"/>): what
/// happened in plain words and a way back. It must render for anyone, on any method the failed request used, so it
/// is anonymous and takes no antiforgery token. "Not found" never says whether the thing exists elsewhere.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>The failed page's address without its handler, to go back to by GET; null when it cannot be offered.</summary>
    public string? BackTo { get; private set; }

    /// <summary>The form was refused because its antiforgery token had expired or belonged to another sign-in.</summary>
    public bool FormExpired { get; private set; }

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = original is null ? Code : Response.StatusCode;
        FormExpired = HttpContext.Items.ContainsKey(StatusPages.ExpiredFormKey);
        if (original is { OriginalPath: { Length: > 0 } path } && path.StartsWith('/') && Code != StatusCodes.Status404NotFound)
        {
            // Going back is a GET of the same page: a POST's handler name would pick a handler that does not exist for GET.
            var query = QueryHelpers.ParseQuery(original.OriginalQueryString);
            var kept = query.Where(q => !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase))
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
            BackTo = QueryHelpers.AddQueryString(path, kept);
        }
    }
}
