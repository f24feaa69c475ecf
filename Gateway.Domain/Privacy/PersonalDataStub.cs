namespace Buddy.Domain.Privacy;

/// <summary>What is left where identifiable content was removed.</summary>
public static class PersonalDataStub
{
    /// <summary>Stands in for a message body, diary text or alert wording that was removed.</summary>
    public const string RemovedText = "[removed]";

    /// <summary>Stands in for a phone number in a column that cannot be null (e.g. the sender of a text).</summary>
    public const string RemovedPhone = "[removed]";

    /// <summary>Stands in for a name, address or other identifier inside free text (a reason, an audit detail).</summary>
    public const string RedactedIdentifier = "[redacted]";

    /// <summary>
    /// "Erased service user 3F2A": a display name staff can tell apart on a list, derived from the random id
    /// alone, so it says nothing about the person.
    /// </summary>
    public static string DisplayNameFor(Guid serviceUserId) =>
        $"Erased service user {serviceUserId.ToString("N")[..4].ToUpperInvariant()}";
}
