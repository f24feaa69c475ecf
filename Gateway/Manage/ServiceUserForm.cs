using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Validation;

namespace Buddy.Gateway.Manage;

/// <summary>The service user fields as the manager's form posts them, in the order the form shows them.</summary>
public sealed class ServiceUserForm
{
    public string? DisplayName { get; set; }
    public string? FirstName { get; set; }
    public string? Phone { get; set; }
    public Guid? TherapistId { get; set; }
    public string? TimeZoneId { get; set; }
    public string? ExternalReference { get; set; }
    public ServiceUserStatus Status { get; set; } = ServiceUserStatus.Active;
    public DateInput PausedUntil { get; set; } = new();

    public static ServiceUserForm From(ServiceUserInput input) => new()
    {
        DisplayName = input.DisplayName,
        FirstName = input.FirstName,
        Phone = input.Phone,
        TherapistId = input.TherapistId,
        TimeZoneId = input.TimeZoneId,
        Status = input.Status,
        PausedUntil = DateInput.From(input.PausedUntil),
        ExternalReference = input.ExternalReference,
    };

    /// <summary>The input for the commands; a restart date that cannot be read is added to <paramref name="errors"/>.</summary>
    public ServiceUserInput ToInput(string defaultZone, FieldErrors errors) => new()
    {
        DisplayName = DisplayName ?? "",
        FirstName = FirstName,
        Phone = Phone,
        TherapistId = TherapistId,
        TimeZoneId = string.IsNullOrWhiteSpace(TimeZoneId) ? defaultZone : TimeZoneId.Trim(),
        Status = Status,
        PausedUntil = Status == ServiceUserStatus.Paused ? PausedUntil.Read("The restart date", nameof(PausedUntil), errors) : null,
        ExternalReference = ExternalReference,
    };
}
