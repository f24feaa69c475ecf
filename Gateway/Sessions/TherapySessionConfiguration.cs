using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.Sessions;

internal sealed class TherapySessionConfiguration : IEntityTypeConfiguration<TherapySession>
{
    public void Configure(EntityTypeBuilder<TherapySession> builder)
    {
        builder.ToTable("therapy_sessions");
        builder.HasOne<ServiceUser>().WithMany().HasForeignKey(s => s.ServiceUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ServiceUserId, s.StartsAtUtc });
        builder.HasIndex(s => new { s.Status, s.StartsAtUtc });
    }
}
