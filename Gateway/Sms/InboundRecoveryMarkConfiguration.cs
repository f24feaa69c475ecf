using Buddy.Domain.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.Sms;

internal sealed class InboundRecoveryMarkConfiguration : IEntityTypeConfiguration<InboundRecoveryMark>
{
    public void Configure(EntityTypeBuilder<InboundRecoveryMark> builder)
    {
        builder.ToTable("inbound_recovery_marks");
        builder.HasKey(m => m.ReceivingPhone);
    }
}
