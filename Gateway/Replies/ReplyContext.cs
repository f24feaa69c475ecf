using Buddy.Domain.Organisations;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;

namespace Buddy.Gateway.Replies;

/// <summary>
/// What a <see cref="IReplyHandler"/> works with. Handlers change tracked entities and add rows (outbox
/// messages, alerts, audit events) on <see cref="Db"/>; the pipeline saves them in one transaction.
/// </summary>
public sealed class ReplyContext
{
    public required BuddyDbContext Db { get; init; }
    public required InboundMessage Message { get; init; }
    public required ServiceUser ServiceUser { get; init; }
    public required Organisation Organisation { get; init; }
    public required DateTime NowUtc { get; init; }

    /// <summary>Set by the pipeline's earlier handlers for the later ones (e.g. the risk the safeguarding check found).</summary>
    public IDictionary<string, object> Items { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    /// <summary>Short record of what happened, stored on the inbound message for support staff.</summary>
    public string? Outcome { get; set; }
}
