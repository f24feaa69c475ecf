namespace Buddy.Domain.Sms;

/// <summary>A text received from anyone. Stored once per provider message id, before anything else happens.</summary>
public sealed class InboundMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Twilio's MessageSid (or the simulator's); unique, which makes webhook retries harmless.</summary>
    public required string ProviderMessageId { get; set; }

    /// <summary>Null when the number matched no service user (kept for review).</summary>
    public Guid? OrganisationId { get; set; }
    public Guid? ServiceUserId { get; set; }
    public required string FromPhone { get; set; }
    public required string ToPhone { get; set; }
    public required string Body { get; set; }

    /// <summary>Twilio's <c>OptOutType</c> (STOP, START, HELP) when its opt-out handling already acted on the text.</summary>
    public string? OptOutType { get; set; }
    /// <summary>When the provider received it (its own clock for a recovered text, ours for a webhook).</summary>
    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>Set when the webhook never delivered it and Buddy found it in the provider's log instead.</summary>
    public DateTime? RecoveredAtUtc { get; set; }
    public InboundState State { get; set; } = InboundState.Received;
    public DateTime? ProcessedAtUtc { get; set; }

    /// <summary>The diary entry this reply became part of, if any.</summary>
    public Guid? DiaryEntryId { get; set; }

    /// <summary>What the pipeline made of it (opt-out, diary reply, unknown sender...), for support staff.</summary>
    public string? Outcome { get; set; }
}
