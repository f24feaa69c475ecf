using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.Safeguarding;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("alerts");
        builder.Ignore(a => a.IsOpen);
        builder.HasOne<ServiceUser>().WithMany().HasForeignKey(a => a.ServiceUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.OrganisationId, a.AcknowledgedAtUtc });
        builder.HasIndex(a => new { a.ServiceUserId, a.CreatedAtUtc });
    }
}
