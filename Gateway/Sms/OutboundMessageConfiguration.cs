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
        builder.HasIndex(m => m.ProviderMessageId);
        builder.HasIndex(m => new { m.Status, m.NotBeforeUtc });
        builder.HasIndex(m => new { m.Status, m.LeaseUntilUtc });
        builder.HasIndex(m => new { m.ServiceUserId, m.CreatedAtUtc });
    }
}
