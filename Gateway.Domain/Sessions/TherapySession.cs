namespace Buddy.Domain.Sessions;

/// <summary>An appointment with the therapist. The last and next sessions bound the pre-session summary.</summary>
public sealed class TherapySession
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public Guid ServiceUserId { get; set; }
    public Guid? TherapistId { get; set; }
    public DateTime StartsAtUtc { get; set; }

    /// <summary>A place, or "video" / "phone".</summary>
    public string? Location { get; set; }
    public SessionStatus Status { get; set; } = SessionStatus.Scheduled;

    /// <summary>What the service user said they want to talk about, in their own words.</summary>
    public string? AgendaNotes { get; set; }
    public DateTime? ReminderSentAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
