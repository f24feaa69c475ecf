using Buddy.Domain.Sms;

namespace Buddy.Domain.Safeguarding;

/// <summary>
/// What a risky reply does when a safeguarding alert for the same person is still open. It always joins that alert
/// (listed on it with its own tier, subject and caution, and moving it to the top), so staff see one alert per person
/// rather than four, and never miss a reply. Beyond that:
/// <list type="bullet">
/// <item>a High reply that raises the alert's tier (Review to High) escalates at once, like a new alert;</item>
/// <item>a High reply joining a High alert texts staff again when it tells them something new (another person at
/// risk, a new contact caution) or when they were last told <see cref="StaffReminderInterval"/> or longer ago;</item>
/// <item>the sender gets a crisis text for every High reply, except when the very same text went to them less than
/// <see cref="CrisisRepeatInterval"/> ago and has not failed: they already have those numbers.</item>
/// </list>
/// Pure, so the hazard log's rule is tested as a table.
/// </summary>
public static class JoinedReplyRules
{
    public static readonly TimeSpan StaffReminderInterval = TimeSpan.FromHours(1);

    public static readonly TimeSpan CrisisRepeatInterval = TimeSpan.FromHours(1);

    /// <summary>Whether a High reply joining <paramref name="alert"/> (as it was before the reply joined) texts and emails staff.</summary>
    public static bool NotifyStaff(Alert alert, RiskLevel level, RiskSubject subject, ContactCaution caution, DateTime nowUtc)
    {
        if (level != RiskLevel.High)
        {
            return false;
        }

        return alert.Severity < RiskLevel.High
            || alert.StaffNotifiedAtUtc is not { } notified
            || nowUtc - notified >= StaffReminderInterval
            || (subject != RiskSubject.None && !alert.Subjects.Contains(subject))
            || (caution & ~alert.Caution) != ContactCaution.None;
    }

    /// <summary>
    /// Whether a High reply gets <paramref name="body"/> as its crisis text, given the crisis texts already queued for
    /// the person. A text that failed, was undelivered or was withdrawn left them without numbers: it never counts.
    /// </summary>
    public static bool SendCrisisText(string body, IEnumerable<(string Body, OutboundStatus Status, DateTime CreatedAtUtc)> earlierCrisisTexts, DateTime nowUtc) =>
        !earlierCrisisTexts.Any(t =>
            string.Equals(t.Body, body, StringComparison.Ordinal)
            && nowUtc - t.CreatedAtUtc < CrisisRepeatInterval
            && t.Status is not (OutboundStatus.Failed or OutboundStatus.Undelivered or OutboundStatus.Cancelled));
}
