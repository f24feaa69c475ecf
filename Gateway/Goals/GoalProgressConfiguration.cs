using Buddy.Domain.Goals;
using Buddy.Domain.ServiceUsers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.Goals;

internal sealed class GoalProgressConfiguration : IEntityTypeConfiguration<GoalProgress>
{
    public void Configure(EntityTypeBuilder<GoalProgress> builder)
    {
        builder.ToTable("goal_progress");
        builder.HasOne<ServiceUser>().WithMany().HasForeignKey(p => p.ServiceUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Goal>().WithMany().HasForeignKey(p => p.GoalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.GoalId, p.LocalDate });
        builder.HasIndex(p => new { p.ServiceUserId, p.RecordedAtUtc });
    }
}
