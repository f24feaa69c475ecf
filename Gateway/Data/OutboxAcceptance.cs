using Buddy.Domain.Sms;

namespace Buddy.Gateway.Data;

/// <summary>The provider took claimed outbox row <paramref name="Id"/> as <paramref name="ProviderMessageId"/>, now in <paramref name="Status"/>.</summary>
internal sealed record OutboxAcceptance(Guid Id, string ProviderMessageId, OutboundStatus Status);
