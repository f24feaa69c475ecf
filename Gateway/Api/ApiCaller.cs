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

    /// <summary>
    /// The API's answer to a command's outcome, the one place it is decided: the saved record (or the one someone saved
    /// first) through <paramref name="saved"/>; 404 naming <paramref name="what"/>; 400 with field errors; 409 for a
    /// conflict; a refusal (in the past, discharged, one already in progress) as 400, or <paramref name="refusedStatus"/>, with its reason.
    /// </summary>
    public static IResult ToResult<T>(this Change<T> change, string what, Func<T, IResult> saved, int refusedStatus = StatusCodes.Status400BadRequest)
        where T : class => change.Outcome switch
        {
            ChangeOutcome.Saved or ChangeOutcome.AlreadyDone => saved(change.Saved!),
            ChangeOutcome.NotFound => NotFound(what),
            ChangeOutcome.Invalid => Invalid(change.Errors),
            ChangeOutcome.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: change.Title, detail: change.Reason),
            _ => Refused(change.Reason!, refusedStatus),
        };

    /// <summary>As <see cref="ToResult{T}"/>, for an answer that reads more before it is written.</summary>
    public static async Task<IResult> ToResultAsync<T>(this Change<T> change, string what, Func<T, Task<IResult>> saved, int refusedStatus = StatusCodes.Status400BadRequest)
        where T : class => change.Outcome is ChangeOutcome.Saved or ChangeOutcome.AlreadyDone
            ? await saved(change.Saved!)
            : change.ToResult(what, _ => throw new System.Diagnostics.UnreachableException(), refusedStatus);

    public static ProblemHttpResult Refused(string reason, int status) =>
        TypedResults.Problem(statusCode: status, title: "The change was refused", detail: reason);
}
