using Buddy.Domain.Questionnaires;
using Buddy.Domain.ServiceUsers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.Questionnaires;

internal sealed class QuestionnaireRunConfiguration : IEntityTypeConfiguration<QuestionnaireRun>
{
    public void Configure(EntityTypeBuilder<QuestionnaireRun> builder)
    {
        builder.ToTable("questionnaire_runs");
        builder.HasOne<ServiceUser>().WithMany().HasForeignKey(r => r.ServiceUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ServiceUserId, r.StartedAtUtc });
        builder.HasIndex(r => new { r.Status, r.ExpiresAtUtc });

        // One run of a kind in progress per person: a repeated scheduler run or double click cannot start two.
        // Declared here (the scripts create it) so its columns are indexable on every engine.
        builder.HasIndex(r => new { r.ServiceUserId, r.Kind }, "ux_questionnaire_runs_in_progress").IsUnique().HasFilter("status = 'InProgress'");
    }
}
