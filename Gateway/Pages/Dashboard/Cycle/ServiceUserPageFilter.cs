using Buddy.Gateway.Caseloads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Buddy.Gateway.Pages.Dashboard.Cycle;

/// <summary>
/// On a page whose route names {serviceUserId}: the person must be in the signed-in staff member's caseload, or every
/// handler answers 404 before it runs. The page reads them with <see cref="ServiceUserInScope.Of"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ServiceUserPageFilterAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!await ServiceUserInScope.TryAdmitAsync(http, CaseloadScope.Of(http.User), context.RouteData.Values["serviceUserId"], http.RequestAborted))
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
