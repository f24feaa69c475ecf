namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// One received text as the provider (or the simulator) described it, before it is stored. A text recovered from
/// the provider's log carries the provider's own time of receipt (<paramref name="ProviderReceivedAtUtc"/>), so it
/// takes its place among its sender's texts by when it was sent, not by when Buddy found it.
/// </summary>
public sealed record InboundText(
    string MessageSid, string From, string To, string Body, string? OptOutType, DateTime? ProviderReceivedAtUtc = null, bool Recovered = false);
