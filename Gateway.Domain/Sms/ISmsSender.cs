namespace Buddy.Domain.Sms;

/// <summary>
/// Hands one text to an SMS provider (Twilio, or the built-in simulator). It never throws for a provider's
/// refusal: every answer is a <see cref="SendOutcome"/> the outbox knows how to act on.
/// </summary>
public interface ISmsSender
{
    /// <summary>The sending number or service the provider uses; outbound pace is kept per sender.</summary>
    string SenderId { get; }

    Task<SendOutcome> SendAsync(SmsRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The texts to <see cref="SmsRequest.To"/> with exactly this body that the provider accepted from this sender
    /// since <paramref name="sinceUtc"/>: how the outbox learns whether an attempt whose answer it never heard went
    /// through. Never guesses: a provider that cannot be asked answers <see cref="SentLookup.Unavailable"/>.
    /// </summary>
    Task<SentLookup> FindSentAsync(SmsRequest request, DateTime sinceUtc, CancellationToken cancellationToken);
}

/// <summary>One text to send. <paramref name="StatusCallbackUrl"/> is where the provider reports delivery, if anywhere.</summary>
public sealed record SmsRequest(string To, string Body, Uri? StatusCallbackUrl);
