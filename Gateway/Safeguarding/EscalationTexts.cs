using Buddy.Domain.Organisations;
using Buddy.Domain.ServiceUsers;

namespace Buddy.Gateway.Safeguarding;

/// <summary>
/// What staff are told. SMS and email are not secure channels, so these carry no clinical content: only that a
/// reply needs urgent review, the person's initials, and where to look.
/// </summary>
public static class EscalationTexts
{
    public const string EmailSubject = "Buddy: urgent review needed";

    public static string StaffSms(ServiceUser user) =>
        $"Buddy urgent: a Buddy reply from {Initials(user)} needs review. Please sign in to Buddy now.";

    public static string EmailBody(ServiceUser user, Organisation organisation) =>
        $"""
        A Buddy reply from service user {Initials(user)} ({organisation.Name}) needs urgent review.

        Please sign in to Buddy to read it and acknowledge the alert. The person has been sent the service's crisis message.

        This email deliberately contains no clinical details.
        """;

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
