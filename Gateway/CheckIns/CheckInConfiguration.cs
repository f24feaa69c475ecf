using Buddy.Domain.CheckIns;
using Buddy.Domain.ServiceUsers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.CheckIns;

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.ToTable("check_ins");
        builder.HasOne<ServiceUser>().WithMany().HasForeignKey(c => c.ServiceUserId).OnDelete(DeleteBehavior.Restrict);

        // At most one check-in per person per local day, enforced by the database.
        builder.HasIndex(c => new { c.ServiceUserId, c.LocalDate }).IsUnique();
        builder.HasIndex(c => new { c.Status, c.DueAtUtc });
        builder.HasIndex(c => new { c.Status, c.ReminderDueAtUtc }); // the reminder job's claim (0002)
    }
}
