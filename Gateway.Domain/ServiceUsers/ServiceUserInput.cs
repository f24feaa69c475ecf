namespace Buddy.Domain.ServiceUsers;

/// <summary>What a manager or an integration may set on a service user. Consent is not here: only the person's own texts change it.</summary>
public sealed record ServiceUserInput
{
    public string DisplayName { get; init; } = "";
    public string? FirstName { get; init; }

    /// <summary>E.164; readability spaces are accepted and removed.</summary>
    public string? Phone { get; init; }
    public Guid? TherapistId { get; init; }
    public string TimeZoneId { get; init; } = "Europe/London";
    public ServiceUserStatus Status { get; init; } = ServiceUserStatus.Active;

    /// <summary>When <see cref="Status"/> is Paused: check-ins restart on this local date; null pauses until someone resumes them.</summary>
    public DateOnly? PausedUntil { get; init; }
    public string? ExternalReference { get; init; }
}
