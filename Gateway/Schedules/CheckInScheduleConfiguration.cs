using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.Schedules;

internal sealed class CheckInScheduleConfiguration : IEntityTypeConfiguration<CheckInSchedule>
{
    public void Configure(EntityTypeBuilder<CheckInSchedule> builder)
    {
        builder.ToTable("check_in_schedules");
        builder.HasOne<ServiceUser>().WithMany().HasForeignKey(s => s.ServiceUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.ServiceUserId).IsUnique();
        builder.HasIndex(s => s.NextDueAtUtc);
    }
}
