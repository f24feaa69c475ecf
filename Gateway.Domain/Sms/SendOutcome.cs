namespace Buddy.Domain.Sms;

/// <summary>What a provider made of one send. The outbox maps each case to a row state.</summary>
public abstract record SendOutcome
{
    private SendOutcome()
    {
    }

    /// <summary>The provider took the text; <paramref name="Status"/> is where it says it is (usually Queued).</summary>
    public sealed record Accepted(string ProviderMessageId, OutboundStatus Status) : SendOutcome;

    /// <summary>
    /// Busy, down or slow: try again later, no sooner than <paramref name="RetryAfter"/> when the provider says.
    /// <paramref name="MayHaveBeenSent"/> when the request may have reached the provider without its answer reaching
    /// us (a timeout, a dropped connection): the next attempt must first ask the provider, not send blindly.
    /// </summary>
    public sealed record RetryLater(TimeSpan? RetryAfter, string Code, string Message, bool MayHaveBeenSent = false) : SendOutcome;

    /// <summary>Will never succeed as written (invalid number, landline...): do not retry.</summary>
    public sealed record PermanentFailure(string Code, string Message) : SendOutcome;

    /// <summary>The person texted STOP to the provider itself: they are opted out until they text START.</summary>
    public sealed record RecipientUnsubscribed(string Code, string Message) : SendOutcome;
}
