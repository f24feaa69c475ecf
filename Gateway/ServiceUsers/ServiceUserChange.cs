using Buddy.Domain.Validation;

namespace Buddy.Gateway.ServiceUsers;

public enum ChangeOutcome
{
    Saved,

    /// <summary>See the field errors.</summary>
    Invalid,

    /// <summary>No such record in the caller's organisation (whether or not it exists in another).</summary>
    NotFound,

    /// <summary>The phone number already belongs to another service user of the same organisation.</summary>
    PhoneInUse,

    /// <summary>The phone number cannot be used (another organisation's service user holds it; the caller is not told that).</summary>
    PhoneUnavailable,
}

/// <summary>What became of a change to a service user or their schedule.</summary>
public sealed record ServiceUserChange<T>(ChangeOutcome Outcome, T? Saved, FieldErrors Errors)
    where T : class;

public static class ServiceUserChange
{
    public static ServiceUserChange<T> Done<T>(T saved)
        where T : class => new(ChangeOutcome.Saved, saved, new FieldErrors());

    public static ServiceUserChange<T> Refused<T>(ChangeOutcome outcome, FieldErrors? errors = null)
        where T : class => new(outcome, null, errors ?? new FieldErrors());
}
