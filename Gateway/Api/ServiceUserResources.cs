using Buddy.Domain.ServiceUsers;

namespace Buddy.Gateway.Api;

/// <summary>A service user as the API returns it. Consent is read-only: only the person's own texts (STOP/START) change it.</summary>
public sealed record ServiceUserResource(
    Guid Id,
    string DisplayName,
    string? FirstName,
    string? Phone,
    Guid? TherapistId,
    string TimeZoneId,
    ServiceUserStatus Status,
    DateOnly? PausedUntil,
    ConsentState Consent,
    DateTime? ConsentChangedAtUtc,
    DateTime? DischargedAtUtc,
    string? ExternalReference,
    DateTime CreatedAtUtc,
    DateTime UpdatedAtUtc)
{
    public static ServiceUserResource From(ServiceUser s) => new(
        s.Id, s.DisplayName, s.FirstName, s.PhoneE164, s.TherapistId, s.TimeZoneId, s.Status, s.PausedUntil, s.Consent,
        s.ConsentChangedAtUtc, s.DischargedAtUtc, s.ExternalReference, s.CreatedAtUtc, s.UpdatedAtUtc);
}

/// <summary>The body of POST and PUT /service-users. PUT replaces every field; omitted optional fields become empty.</summary>
/// <param name="Phone">A mobile number: international (+447700900123) or national in the organisation's country (07700 900123); stored and returned in E.164.</param>
/// <param name="TimeZoneId">IANA zone; defaults to the organisation's.</param>
/// <param name="Status">Active (default), Paused (optionally with PausedUntil) or Discharged.</param>
/// <param name="PausedUntil">The local date check-ins restart, when Status is Paused; omit it to pause until the service user is set Active again.</param>
public sealed record ServiceUserRequest(
    string? DisplayName,
    string? FirstName,
    string? Phone,
    Guid? TherapistId,
    string? TimeZoneId,
    ServiceUserStatus? Status,
    DateOnly? PausedUntil,
    string? ExternalReference)
{
    public ServiceUserInput ToInput(string defaultZone) => new()
    {
        DisplayName = DisplayName ?? "",
        FirstName = FirstName,
        Phone = Phone,
        TherapistId = TherapistId,
        TimeZoneId = TimeZoneId ?? defaultZone,
        Status = Status ?? ServiceUserStatus.Active,
        PausedUntil = PausedUntil,
        ExternalReference = ExternalReference,
    };
}

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
