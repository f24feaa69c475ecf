namespace Buddy.Domain.CheckIns;

/// <summary>
/// One day's check-in for one service user: unique per service user and local date, so a retry, restart,
/// misfire or second instance can never make a second one.
/// </summary>
public sealed class CheckIn
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public Guid ServiceUserId { get; set; }
    public DateOnly LocalDate { get; set; }
    public DateTime DueAtUtc { get; set; }
    public CheckInStatus Status { get; set; } = CheckInStatus.Sent;
    public Guid? OutboundMessageId { get; set; }
    public DateTime? SentAtUtc { get; set; }

    /// <summary>When the one reminder falls due if there is still no reply; null when there is none to send.</summary>
    public DateTime? ReminderDueAtUtc { get; set; }
    public DateTime? ReminderSentAtUtc { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }

    /// <summary>Why it was not sent (missed during downtime, quiet hours, opted out...).</summary>
    public string? Note { get; set; }
}
