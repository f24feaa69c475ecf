using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.Safeguarding;

internal sealed class AlertReplyConfiguration : IEntityTypeConfiguration<AlertReply>
{
    public void Configure(EntityTypeBuilder<AlertReply> builder)
    {
        builder.ToTable("alert_replies");
        builder.HasOne<Alert>().WithMany().HasForeignKey(r => r.AlertId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceUser>().WithMany().HasForeignKey(r => r.ServiceUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.AlertId, r.ReceivedAtUtc });
        builder.HasIndex(r => r.InboundMessageId);
        builder.Property(r => r.Concepts).HasCommaSeparatedText();
    }
}
