namespace Buddy.Domain.Validation;

/// <summary>What became of a command that writes: the one shape every feature's commands return.</summary>
public enum ChangeOutcome
{
    Saved,

    /// <summary>See the field errors.</summary>
    Invalid,

    /// <summary>No such record in the caller's organisation (whether or not it exists in another).</summary>
    NotFound,

    /// <summary>The request cannot be carried out as things stand (a time in the past, a discharged person); see the reason.</summary>
    Refused,

    /// <summary>Another record already holds what was asked for (a phone number); see the title, reason and field errors.</summary>
    Conflict,

    /// <summary>Someone did it first (an alert already acknowledged); their record stands and is the saved value.</summary>
    AlreadyDone,
}

/// <summary>
/// The outcome of a change, with the record as saved when there is one. Refusals are values, not exceptions: being
/// told no is an ordinary answer, and the page and the API each map it to their response in one place.
/// </summary>
public sealed record Change<T>(ChangeOutcome Outcome, T? Saved, FieldErrors Errors, string? Reason = null, string? Title = null)
    where T : class
{
    public bool IsSaved => Outcome == ChangeOutcome.Saved;

    /// <summary>The same refusal for a caller that returns another type (a refusal carries no saved record).</summary>
    public Change<TOther> Refusal<TOther>()
        where TOther : class =>
        IsSaved ? throw new InvalidOperationException("A saved change is not a refusal.") : new(Outcome, null, Errors, Reason, Title);
}

public static class Change
{
    public static Change<T> Saved<T>(T saved)
        where T : class => new(ChangeOutcome.Saved, saved, new FieldErrors());

    public static Change<T> Invalid<T>(FieldErrors errors)
        where T : class => new(ChangeOutcome.Invalid, null, errors);

    public static Change<T> NotFound<T>()
        where T : class => new(ChangeOutcome.NotFound, null, new FieldErrors());

    /// <param name="reason">One plain sentence, fit to show on the page that made the request.</param>
    public static Change<T> Refused<T>(string reason)
        where T : class => new(ChangeOutcome.Refused, null, new FieldErrors(), reason);

    public static Change<T> Conflict<T>(string title, string reason, FieldErrors errors)
        where T : class => new(ChangeOutcome.Conflict, null, errors, reason, title);

    public static Change<T> AlreadyDone<T>(T current)
        where T : class => new(ChangeOutcome.AlreadyDone, current, new FieldErrors());
}
