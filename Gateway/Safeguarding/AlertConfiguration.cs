using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.Safeguarding;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("alerts");
        builder.Ignore(a => a.IsOpen);
        builder.Ignore(a => a.LatestAtUtc);
        builder.HasOne<ServiceUser>().WithMany().HasForeignKey(a => a.ServiceUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.OrganisationId, a.AcknowledgedAtUtc });
        builder.HasIndex(a => new { a.ServiceUserId, a.CreatedAtUtc });
        builder.Property(a => a.Subjects).HasCommaSeparatedNames();
        builder.Property(a => a.Concepts).HasCommaSeparatedText();
    }
}
