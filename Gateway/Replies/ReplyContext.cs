using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Safeguarding;

namespace Buddy.Gateway.Replies;

/// <summary>
/// One reply on its way through the <see cref="ReplyPipeline"/>. Its steps change tracked entities and add rows
/// (outbox messages, alerts, audit events) on <see cref="Db"/>; the inbound pipeline saves them in one transaction.
/// </summary>
public sealed class ReplyContext
{
    public required BuddyDbContext Db { get; init; }
    public required InboundMessage Message { get; init; }
    public required ServiceUser ServiceUser { get; init; }
    public required Organisation Organisation { get; init; }
    public required DateTime NowUtc { get; init; }

    /// <summary>The risk reader's assessment of the reply's words, read once before any step runs.</summary>
    public required RiskAssessment Risk { get; init; }

    /// <summary>
    /// What the steps read about the sender, loaded for every text handled in the same transaction at once; a reply
    /// handled alone gets a batch of its own.
    /// </summary>
    public ReplyBatch Batch
    {
        get => _batch ??= ReplyBatch.Of(Db, ServiceUser.Id, Message.Id, NowUtc);
        init => _batch = value;
    }

    private ReplyBatch? _batch;

    /// <summary>What safeguarding has done with this text so far (the alert it raised or joined, whether it escalated).</summary>
    public ReplySafeguarding Safeguarding { get; } = new();

    /// <summary>Short record of what happened, stored on the inbound message for support staff.</summary>
    public string? Outcome { get; set; }
}
