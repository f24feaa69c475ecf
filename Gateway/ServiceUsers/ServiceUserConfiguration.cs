using Buddy.Domain.Organisations;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.ServiceUsers;

internal sealed class ServiceUserConfiguration : IEntityTypeConfiguration<ServiceUser>
{
    public void Configure(EntityTypeBuilder<ServiceUser> builder)
    {
        builder.ToTable("service_users");
        builder.Ignore(s => s.GreetingName);
        builder.Ignore(s => s.MayNotBeTexted);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(s => s.TherapistId).OnDelete(DeleteBehavior.Restrict);

        // One live service user per phone number across the installation, so an inbound text has one owner.
        builder.HasIndex(s => s.PhoneE164).IsUnique();
        builder.HasIndex(s => new { s.OrganisationId, s.TherapistId });
        builder.HasIndex(s => new { s.Status, s.DischargedAtUtc }); // the retention sweep (0007)
    }
}
