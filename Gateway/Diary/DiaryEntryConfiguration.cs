using Buddy.Domain.Diary;
using Buddy.Domain.ServiceUsers;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.Diary;

internal sealed class DiaryEntryConfiguration : IEntityTypeConfiguration<DiaryEntry>
{
    public void Configure(EntityTypeBuilder<DiaryEntry> builder)
    {
        builder.ToTable("diary_entries");
        builder.HasOne<ServiceUser>().WithMany().HasForeignKey(e => e.ServiceUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ServiceUserId, e.LocalDate });

        // Tags are a short list from a fixed vocabulary: stored as "sleep,family" so both engines read it alike.
        builder.Property(e => e.Tags).HasCommaSeparatedText();
        builder.Property(e => e.RiskSubjects).HasCommaSeparatedNames();
    }
}
