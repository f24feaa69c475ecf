namespace Buddy.Domain.Staff;

/// <summary>A therapist, service manager or administrator of one organisation.</summary>
public sealed class StaffMember
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public required string DisplayName { get; set; }
    public required string Email { get; set; }
    public StaffRole Role { get; set; }

    /// <summary>Mobile for safeguarding alerts; optional.</summary>
    public string? AlertPhone { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
}
