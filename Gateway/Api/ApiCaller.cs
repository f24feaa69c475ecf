using System.Security.Claims;
using System.Text.Json;
using Buddy.Domain.Validation;
using Buddy.Gateway.ApiKeys;
using Buddy.Gateway.Caseloads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buddy.Gateway.Api;

internal static class ApiCaller
{
    /// <summary>The API key behind the request: its organisation is the whole scope, and it is the audit actor.</summary>
    public static CaseloadScope Actor(this ClaimsPrincipal user) => CaseloadScope.ForApiKey(
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!),
        Guid.Parse(user.FindFirstValue(ApiKeyAuthenticationHandler.OrganisationClaim)!));

    public static IResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}",
            detail: $"There is no {what} with that id in your organisation.");

    /// <summary>400 with field errors named as the JSON body names them (camelCase, dotted for nested objects).</summary>
    public static ValidationProblem Invalid(FieldErrors errors) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(e => string.Join('.', e.Key.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName)), e => e.Value),
            title: "The request has invalid fields");
}
