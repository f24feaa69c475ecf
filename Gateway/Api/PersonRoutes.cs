namespace Buddy.Gateway.Api;

/// <summary>
/// The metadata every route under /api/v1/service-users/{id} carries, written once: its operation name and summary,
/// and the 404 <see cref="ServiceUserRouteFilter"/> (or a path id that is not the person's) answers with.
/// </summary>
internal static class PersonRoutes
{
    /// <summary>A route with no request body to validate.</summary>
    public static RouteHandlerBuilder Documented(this RouteHandlerBuilder route, string name, string summary) =>
        route.WithName(name).WithSummary(summary).ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>A route whose request body is validated: 400 with the fields at fault as well.</summary>
    public static RouteHandlerBuilder DocumentedWithBody(this RouteHandlerBuilder route, string name, string summary) =>
        route.WithName(name).WithSummary(summary).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
}
