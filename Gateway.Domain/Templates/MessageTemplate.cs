namespace Buddy.Domain.Templates;

/// <summary>Wording a manager controls. Placeholders such as {FirstName} are filled per service user.</summary>
public sealed class MessageTemplate
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public TemplateKind Kind { get; set; }
    public required string Name { get; set; }
    public required string Body { get; set; }

    /// <summary>The one used for its kind when a schedule names none.</summary>
    public bool IsDefault { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
