using System.Net.Mail;
using Buddy.Domain.Phones;
using Buddy.Domain.Validation;

namespace Buddy.Domain.Staff;

/// <summary>A new staff member as a manager or an operator enters them.</summary>
public sealed record StaffInput(string DisplayName, string Email, StaffRole Role, string? AlertPhone = null)
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;

    /// <param name="countryCode">The organisation's country, in which a national-format alert phone is read.</param>
    public FieldErrors Validate(string countryCode)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            errors.Add(nameof(DisplayName), "Enter the staff member's name");
        }
        else if (DisplayName.Trim().Length > MaxNameLength)
        {
            errors.Add(nameof(DisplayName), $"Name must be {MaxNameLength} characters or fewer");
        }

        var email = Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors.Add(nameof(Email), "Enter an email address");
        }
        else if (email.Length > MaxEmailLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(nameof(Email), "Enter an email address in the correct format, like name@example.org");
        }

        if (!Enum.IsDefined(Role))
        {
            errors.Add(nameof(Role), "Choose Therapist, ServiceManager or Admin");
        }

        // Safeguarding alerts are texted to it, so it must be a mobile.
        if (!string.IsNullOrWhiteSpace(AlertPhone) && PhoneNumberReader.ReadMobile(AlertPhone, countryCode) is { IsValid: false } phone)
        {
            errors.Add(nameof(AlertPhone), phone.Problem!);
        }

        return errors;
    }
}
