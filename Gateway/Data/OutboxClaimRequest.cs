using Buddy.Domain.Sms;

namespace Buddy.Gateway.Data;

/// <summary>One outbox claim: rows due at <paramref name="NowUtc"/>, held until <paramref name="LeaseUntilUtc"/> under <paramref name="Token"/>.</summary>
internal sealed record OutboxClaimRequest(DateTime NowUtc, DateTime LeaseUntilUtc, int Limit, Guid Token)
{
    public const string Sending = nameof(OutboundStatus.Sending);
    public const string Pending = nameof(OutboundStatus.Pending);
}
