using Buddy.Domain.Questionnaires;
using Buddy.Domain.ServiceUsers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.Questionnaires;

internal sealed class QuestionnaireScheduleConfiguration : IEntityTypeConfiguration<QuestionnaireSchedule>
{
    public void Configure(EntityTypeBuilder<QuestionnaireSchedule> builder)
    {
        builder.ToTable("questionnaire_schedules");
        builder.HasOne<ServiceUser>().WithMany().HasForeignKey(s => s.ServiceUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ServiceUserId, s.Kind }).IsUnique();
        builder.HasIndex(s => s.NextDueAtUtc);
    }
}
