using Buddy.Domain.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.Email;

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> builder)
    {
        builder.ToTable("email_messages");
        builder.HasIndex(m => m.DedupeKey).IsUnique();
        builder.HasIndex(m => new { m.Status, m.NotBeforeUtc });
    }
}
