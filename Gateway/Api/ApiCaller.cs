using System.Security.Claims;
using System.Text.Json;
using Buddy.Domain.Validation;
using Buddy.Gateway.ApiKeys;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Conversations;
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

    /// <summary>A change the service refuses (in the past, discharged, one already in progress) is a 400 (or <paramref name="status"/>) with its reason.</summary>
    public static async Task<IResult> ChangeAsync(Func<Task<IResult>> change, int status = StatusCodes.Status400BadRequest)
    {
        try
        {
            return await change();
        }
        catch (CycleValidationException ex)
        {
            return Refused(ex.Message, status);
        }
    }

    public static ProblemHttpResult Refused(string reason, int status) =>
        TypedResults.Problem(statusCode: status, title: "The change was refused", detail: reason);
}
