using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Buddy.Gateway.Hosting;

/// <summary>
/// A page that answers 404 ("not found", also for another caseload's or organisation's ids), 400 or 405 without a
/// body of its own gets Buddy's page for that status (Pages/Errors/Status): NHS.UK styled, saying what happened and
/// with a way back, instead of the browser's empty error page. The JSON API, the webhooks and /health keep their own
/// answers. A form refused by the antiforgery check is marked, so its page can say why and that nothing was saved.
/// </summary>
public static class StatusPages
{
    /// <summary>Set in HttpContext.Items when a form's antiforgery token was missing or belonged to another sign-in.</summary>
    public const string ExpiredFormKey = "buddy.expired-form";

    public static void MarkExpiredForms(this Microsoft.AspNetCore.Mvc.MvcOptions options) => options.Filters.Add(new ExpiredFormMarker());

    public static WebApplication UseStatusPages(this WebApplication app)
    {
        app.UseWhen(context => !IsForMachines(context.Request.Path), branch => branch.UseStatusCodePagesWithReExecute("/error/{0}"));
        return app;
    }

    private static bool IsForMachines(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/sms") || path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi");

    /// <summary>Runs even when the antiforgery check (an authorization filter) ends the request early.</summary>
    private sealed class ExpiredFormMarker : IAlwaysRunResultFilter
    {
        public void OnResultExecuting(ResultExecutingContext context)
        {
            if (context.Result is IAntiforgeryValidationFailedResult)
            {
                context.HttpContext.Items[ExpiredFormKey] = true;
            }
        }

        public void OnResultExecuted(ResultExecutedContext context)
        {
        }
    }
}
