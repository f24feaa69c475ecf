using Buddy.Domain.ServiceUsers;

namespace Buddy.Gateway.Caseloads;

/// <summary>
/// The service user a request is about, found once per request by the filter in front of its route or page
/// (<c>ServiceUserRouteFilter</c> for /api/v1/service-users/{id}, <c>ServiceUserPageFilter</c> for the cycle pages),
/// so no handler repeats the caseload lookup and none can forget it. A request the filter did not admit never
/// reaches a handler: the caller got 404.
/// </summary>
public sealed record ServiceUserInScope(ServiceUser Person, CaseloadScope Scope)
{
    /// <summary>The person the filter admitted; throws when the route has no such filter (a wiring mistake, never input).</summary>
    public static ServiceUserInScope Of(HttpContext http) =>
        http.Features.Get<ServiceUserInScope>() ?? throw new InvalidOperationException($"No service-user filter ran for {http.Request.Path}.");

    /// <summary>Finds the person in the caller's scope and keeps them on the request; false (the caller answers 404) when out of scope.</summary>
    public static async Task<bool> TryAdmitAsync(HttpContext http, CaseloadScope scope, object? routeId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(routeId?.ToString(), out var id))
        {
            return false;
        }

        var caseloads = http.RequestServices.GetRequiredService<CaseloadAccess>();
        if (await caseloads.FindAsync(scope, id, cancellationToken) is not { } person)
        {
            return false;
        }

        http.Features.Set(new ServiceUserInScope(person, scope));
        return true;
    }
}
