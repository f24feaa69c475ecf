using Buddy.Domain.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.Sms;

internal sealed class InboundMessageConfiguration : IEntityTypeConfiguration<InboundMessage>
{
    public void Configure(EntityTypeBuilder<InboundMessage> builder)
    {
        builder.ToTable("inbound_messages");

        // Twilio retries webhooks; the unique MessageSid makes a retry a no-op instead of a second reply.
        builder.HasIndex(m => m.ProviderMessageId).IsUnique();
        builder.HasIndex(m => new { m.ServiceUserId, m.ReceivedAtUtc });
        builder.HasIndex(m => m.State);
        builder.HasIndex(m => new { m.FromPhone, m.State });
        builder.HasIndex(m => m.DiaryEntryId);

        // Two gateways (or a restart sweep and the live queue) may pick up the same Received row; only the first
        // to move it on commits, the other's save fails and is rolled back.
        builder.Property(m => m.State).IsConcurrencyToken();
    }
}
