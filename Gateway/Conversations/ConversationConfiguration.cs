using Buddy.Domain.Conversations;
using Buddy.Domain.ServiceUsers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.Conversations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.ToTable("conversations");
        builder.HasOne<ServiceUser>().WithMany().HasForeignKey(c => c.ServiceUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ServiceUserId, c.Status });
        builder.HasIndex(c => new { c.Status, c.ExpiresAtUtc });

        // The SQL also holds a partial unique index: one open conversation per person, kind and subject.
    }
}
