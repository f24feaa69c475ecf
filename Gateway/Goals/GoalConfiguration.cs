using Buddy.Domain.Goals;
using Buddy.Domain.ServiceUsers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.Goals;

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.ToTable("goals");
        builder.HasOne<ServiceUser>().WithMany().HasForeignKey(g => g.ServiceUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.ServiceUserId, g.Status });
        builder.HasIndex(g => g.NextDueAtUtc);
    }
}
