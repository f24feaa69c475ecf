using Buddy.Gateway.Caseloads;

namespace Buddy.Gateway.Api;

/// <summary>
/// In front of every /api/v1/service-users/{id}/... route: the service user must be in the key's organisation, or
/// the answer is 404 before the handler runs. Handlers read the person with <see cref="ServiceUserInScope.Of"/>.
/// </summary>
internal sealed class ServiceUserRouteFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        return await ServiceUserInScope.TryAdmitAsync(http, http.User.Actor(), http.GetRouteValue("id"), http.RequestAborted)
            ? await next(context)
            : ApiCaller.NotFound("service user");
    }
}
