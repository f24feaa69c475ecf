namespace Buddy.Domain.Staff;

public enum StaffRole
{
    /// <summary>Sees only the service users assigned to them.</summary>
    Therapist,

    /// <summary>Configures their organisation and sees all of it.</summary>
    ServiceManager,

    /// <summary>Operates the installation for their organisation.</summary>
    Admin,
}
