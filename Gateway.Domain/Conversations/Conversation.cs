using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;

namespace Buddy.Domain.Conversations;

/// <summary>
/// A question Buddy asked that is waiting for a reply (agenda, goal, second step of a check-in), so the reply is
/// read as its answer rather than as a diary entry. Stale ones expire instead of capturing a later, unrelated text.
/// </summary>
public sealed class Conversation
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public Guid ServiceUserId { get; set; }
    public ConversationKind Kind { get; set; }

    /// <summary>The therapy session, goal or check-in the question was about.</summary>
    public Guid SubjectId { get; set; }

    /// <summary>The text that asked the question.</summary>
    public Guid? OutboundMessageId { get; set; }
    public ConversationStatus Status { get; set; } = ConversationStatus.Open;
    public DateTime OpenedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>The reply that answered it.</summary>
    public Guid? AnsweredByInboundId { get; set; }

    /// <summary>The question a text just queued for <paramref name="person"/> asks, open until <paramref name="expiresAtUtc"/>.</summary>
    public static Conversation AskedBy(
        ServiceUser person, OutboundMessage message, ConversationKind kind, Guid subjectId, DateTime openedAtUtc, DateTime expiresAtUtc) => new()
    {
        OrganisationId = person.OrganisationId,
        ServiceUserId = person.Id,
        Kind = kind,
        SubjectId = subjectId,
        OutboundMessageId = message.Id,
        OpenedAtUtc = openedAtUtc,
        ExpiresAtUtc = expiresAtUtc,
    };

    public bool IsOpenAt(DateTime nowUtc) => Status == ConversationStatus.Open && ExpiresAtUtc > nowUtc;

    public void Close(ConversationStatus status, DateTime nowUtc, Guid? inboundId = null)
    {
        Status = status;
        ClosedAtUtc = nowUtc;
        AnsweredByInboundId = inboundId;
    }
}
