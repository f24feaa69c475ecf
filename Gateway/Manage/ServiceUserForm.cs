using Buddy.Domain.ServiceUsers;

namespace Buddy.Gateway.Manage;

/// <summary>The service user fields as the manager's form posts them.</summary>
public sealed class ServiceUserForm
{
    public string? DisplayName { get; set; }
    public string? FirstName { get; set; }
    public string? Phone { get; set; }
    public Guid? TherapistId { get; set; }
    public string? TimeZoneId { get; set; }
    public ServiceUserStatus Status { get; set; } = ServiceUserStatus.Active;
    public DateOnly? PausedUntil { get; set; }
    public string? ExternalReference { get; set; }

    public static ServiceUserForm From(ServiceUserInput input) => new()
    {
        DisplayName = input.DisplayName,
        FirstName = input.FirstName,
        Phone = input.Phone,
        TherapistId = input.TherapistId,
        TimeZoneId = input.TimeZoneId,
        Status = input.Status,
        PausedUntil = input.PausedUntil,
        ExternalReference = input.ExternalReference,
    };

    public ServiceUserInput ToInput(string defaultZone) => new()
    {
        DisplayName = DisplayName ?? "",
        FirstName = FirstName,
        Phone = Phone,
        TherapistId = TherapistId,
        TimeZoneId = string.IsNullOrWhiteSpace(TimeZoneId) ? defaultZone : TimeZoneId.Trim(),
        Status = Status,
        PausedUntil = Status == ServiceUserStatus.Paused ? PausedUntil : null,
        ExternalReference = ExternalReference,
    };
}
