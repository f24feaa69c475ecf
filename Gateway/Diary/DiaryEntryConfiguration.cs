using Buddy.Domain.Diary;
using Buddy.Domain.ServiceUsers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
        builder.Property(e => e.Tags)
            .HasConversion(
                tags => string.Join(',', tags),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new ValueComparer<List<string>>(
                    (a, b) => a!.SequenceEqual(b!),
                    tags => tags.Aggregate(0, (hash, tag) => HashCode.Combine(hash, tag.GetHashCode(StringComparison.Ordinal))),
                    tags => tags.ToList()));
    }
}
