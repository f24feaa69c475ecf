namespace Buddy.Domain.Sms;

/// <summary>What a provider said when asked which matching texts it already accepted (see <see cref="ISmsSender.FindSentAsync"/>).</summary>
public abstract record SentLookup
{
    private SentLookup()
    {
    }

    /// <summary>The provider answered; <paramref name="Texts"/> may be empty (nothing went out).</summary>
    public sealed record Answered(IReadOnlyList<SentText> Texts) : SentLookup;

    /// <summary>The provider could not be asked now; try again later, no sooner than <paramref name="RetryAfter"/> when given.</summary>
    public sealed record Unavailable(TimeSpan? RetryAfter, string Code, string Message) : SentLookup;
}

/// <summary>One text the provider holds: its id, where it says the text is, and when it accepted it.</summary>
public sealed record SentText(string ProviderMessageId, OutboundStatus Status, DateTime AcceptedAtUtc);
