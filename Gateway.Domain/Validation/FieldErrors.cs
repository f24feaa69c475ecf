namespace Buddy.Domain.Validation;

/// <summary>
/// Problems with a submitted form or API body, keyed by field name. The shape of ASP.NET Core's validation
/// problem details, so the API returns it as is and the pages map it onto their inputs.
/// </summary>
public sealed class FieldErrors : Dictionary<string, string[]>
{
    public FieldErrors()
        : base(StringComparer.Ordinal)
    {
    }

    public bool IsValid => Count == 0;

    /// <summary>A single problem with one field.</summary>
    public static FieldErrors One(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return errors;
    }

    public void Add(string field, string message) =>
        this[field] = TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
