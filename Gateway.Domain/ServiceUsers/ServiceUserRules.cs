using Buddy.Domain.Phones;
using Buddy.Domain.Time;
using Buddy.Domain.Validation;

namespace Buddy.Domain.ServiceUsers;

/// <summary>The checks on a service user that need no database (the therapist and phone checks do, and live in the gateway).</summary>
public static class ServiceUserRules
{
    public const int MaxNameLength = 100;
    public const int MaxFirstNameLength = 50;
    public const int MaxReferenceLength = 100;

    /// <param name="today">Today's date in the organisation's zone, for the pause date.</param>
    /// <param name="isNew">A new service user cannot start discharged.</param>
    /// <param name="countryCode">The organisation's country, in which a national-format number is read.</param>
    public static FieldErrors Validate(ServiceUserInput input, DateOnly today, bool isNew, string countryCode)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.DisplayName))
        {
            errors.Add(nameof(input.DisplayName), "Enter the service user's name");
        }
        else if (input.DisplayName.Trim().Length > MaxNameLength)
        {
            errors.Add(nameof(input.DisplayName), $"Name must be {MaxNameLength} characters or fewer");
        }

        if (input.FirstName is { } first && first.Trim().Length > MaxFirstNameLength)
        {
            errors.Add(nameof(input.FirstName), $"First name must be {MaxFirstNameLength} characters or fewer");
        }

        if (string.IsNullOrWhiteSpace(input.Phone))
        {
            errors.Add(nameof(input.Phone), "Enter a mobile number");
        }
        else if (PhoneNumberReader.ReadMobile(input.Phone, countryCode) is { IsValid: false } phone)
        {
            errors.Add(nameof(input.Phone), phone.Problem!);
        }

        if (string.IsNullOrWhiteSpace(input.TimeZoneId) || !LocalTimes.IsKnownZone(input.TimeZoneId))
        {
            errors.Add(nameof(input.TimeZoneId), "Enter a time zone from the IANA list, like Europe/London");
        }

        if (!Enum.IsDefined(input.Status))
        {
            errors.Add(nameof(input.Status), "Choose Active, Paused or Discharged");
        }
        else if (isNew && input.Status == ServiceUserStatus.Discharged)
        {
            errors.Add(nameof(input.Status), "A new service user cannot start discharged");
        }
        else if (input.Status == ServiceUserStatus.Paused)
        {
            // No date is a pause until someone resumes them (a hospital stay of unknown length, say).
            if (input.PausedUntil is { } until && until <= today)
            {
                errors.Add(nameof(input.PausedUntil), "The restart date must be in the future");
            }
        }
        else if (input.PausedUntil is not null)
        {
            errors.Add(nameof(input.PausedUntil), "Only a paused service user has a restart date");
        }

        if (input.ExternalReference is { } reference && reference.Trim().Length > MaxReferenceLength)
        {
            errors.Add(nameof(input.ExternalReference), $"Reference must be {MaxReferenceLength} characters or fewer");
        }

        return errors;
    }
}
