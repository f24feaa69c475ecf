using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;

namespace Buddy.Gateway.Safeguarding;

/// <summary>
/// What staff are told. SMS and email are not secure channels, so these carry no clinical content: only that a
/// reply needs urgent review, the person's initials, where to look and, first of all, any caution about contacting
/// them (someone else reads their phone, they asked not to be called), which staff need before they pick up a phone.
/// </summary>
public static class EscalationTexts
{
    public static string EmailSubject(ContactCaution caution) =>
        caution == ContactCaution.None ? "Buddy: urgent review needed" : "Buddy: contact caution, urgent review needed";

    public static string StaffSms(ServiceUser user, ContactCaution caution = ContactCaution.None)
    {
        var initials = Initials(user);
        var urgent = $"Buddy urgent: a Buddy reply from {initials} needs review. Please sign in to Buddy now.";
        return Caution(initials, caution) is { } first ? $"{first} {urgent}" : urgent;
    }

    public static string EmailBody(ServiceUser user, Organisation organisation, ContactCaution caution = ContactCaution.None)
    {
        var initials = Initials(user);
        var first = Caution(initials, caution) is { } line ? $"{line}\n\n" : "";
        return first +
            $"""
            A Buddy reply from service user {initials} ({organisation.Name}) needs urgent review.

            Please sign in to Buddy to read it and acknowledge the alert. The person has been sent a reply with an emergency number.

            This email deliberately contains no clinical details.
            """;
    }

    /// <summary>"Caution: someone else may read J.S.'s phone. ..." or null when there is nothing to say.</summary>
    public static string? Caution(string initials, ContactCaution caution) => caution switch
    {
        ContactCaution.None => null,
        ContactCaution.PhoneMayBeRead => $"Caution: someone else may read {initials}'s phone. Read the alert before you call or text them.",
        ContactCaution.DoNotCall => $"Caution: {initials} asked not to be called. Read the alert before you contact them.",
        _ => $"Caution: someone else may read {initials}'s phone and they asked not to be called. Read the alert before you contact them.",
    };

    /// <summary>"Jamie Lee Smith" -> "J.L.S."; never the full name.</summary>
    public static string Initials(ServiceUser user)
    {
        var initials = user.DisplayName
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(part => char.IsLetter(part[0]))
            .Select(part => $"{char.ToUpperInvariant(part[0])}.");
        var text = string.Concat(initials);
        return text.Length == 0 ? "a service user" : text;
    }
}
