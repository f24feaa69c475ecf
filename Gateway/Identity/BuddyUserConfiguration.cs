using Buddy.Domain.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.Identity;

/// <summary>Maps Identity's tables onto sql/*/0005_identity.sql (snake_case names, like the rest of the schema).</summary>
internal sealed class BuddyUserConfiguration :
    IEntityTypeConfiguration<BuddyUser>,
    IEntityTypeConfiguration<IdentityRole<Guid>>,
    IEntityTypeConfiguration<IdentityUserRole<Guid>>,
    IEntityTypeConfiguration<IdentityUserClaim<Guid>>,
    IEntityTypeConfiguration<IdentityRoleClaim<Guid>>,
    IEntityTypeConfiguration<IdentityUserLogin<Guid>>,
    IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<BuddyUser> builder)
    {
        builder.ToTable("identity_users");
        builder.HasOne<StaffMember>().WithOne().HasForeignKey<BuddyUser>(u => u.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.StaffMemberId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) => builder.ToTable("identity_roles");

    public void Configure(EntityTypeBuilder<IdentityUserRole<Guid>> builder) => builder.ToTable("identity_user_roles");

    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> builder) => builder.ToTable("identity_user_claims");

    public void Configure(EntityTypeBuilder<IdentityRoleClaim<Guid>> builder) => builder.ToTable("identity_role_claims");

    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> builder) => builder.ToTable("identity_user_logins");

    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> builder) => builder.ToTable("identity_user_tokens");
}
