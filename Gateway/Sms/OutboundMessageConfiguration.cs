using Buddy.Domain.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.Sms;

internal sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> builder)
    {
        builder.ToTable("outbound_messages");

        // The exactly-once guarantee: a second row for the same check-in, reminder or confirmation is refused.
        builder.HasIndex(m => m.DedupeKey).IsUnique();
        // One provider message is one row's: a second row recording the same sid is refused (NULLs are not compared).
        builder.HasIndex(m => m.ProviderMessageId).IsUnique().HasFilter("provider_message_id IS NOT NULL");
        builder.HasIndex(m => new { m.ToPhone, m.Status });
        builder.HasIndex(m => new { m.Status, m.NotBeforeUtc });
        builder.HasIndex(m => new { m.Status, m.LeaseUntilUtc });
        builder.HasIndex(m => new { m.ServiceUserId, m.CreatedAtUtc });

        // The claim's proof of ownership: the dispatcher's save of an outcome fails if the row was claimed again or
        // recorded by a status callback since (see OutboxClaims).
        builder.Property(m => m.ClaimToken).IsConcurrencyToken();
    }
}
