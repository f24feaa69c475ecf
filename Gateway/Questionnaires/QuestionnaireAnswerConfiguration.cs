using Buddy.Domain.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.Questionnaires;

internal sealed class QuestionnaireAnswerConfiguration : IEntityTypeConfiguration<QuestionnaireAnswer>
{
    public void Configure(EntityTypeBuilder<QuestionnaireAnswer> builder)
    {
        builder.ToTable("questionnaire_answers");
        builder.HasOne<QuestionnaireRun>().WithMany().HasForeignKey(a => a.RunId).OnDelete(DeleteBehavior.Restrict);

        // An item is answered once: a redelivered text cannot record it twice.
        builder.HasIndex(a => new { a.RunId, a.ItemNumber }).IsUnique();
    }
}
