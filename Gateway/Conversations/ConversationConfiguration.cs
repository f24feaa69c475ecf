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

        // One open question per subject: the same reminder cannot open two conversations. Declared here (the
        // scripts create it) so its columns are indexable on every engine.
        builder.HasIndex(c => new { c.ServiceUserId, c.Kind, c.SubjectId }, "ux_conversations_open").IsUnique().HasFilter("status = 'Open'");
    }
}
