using Commendations.Domain.Repairs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

public sealed class RepairRequestConfiguration : IEntityTypeConfiguration<RepairRequest>
{
    public void Configure(EntityTypeBuilder<RepairRequest> builder)
    {
        builder.ToTable("repair_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasMaxLength(RepairRequest.KindMaxLength);
        builder.Property(r => r.Command).HasColumnType("jsonb");
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(RepairRequest.NoteMaxLength);
        builder.Property(r => r.DecisionNote).HasMaxLength(RepairRequest.NoteMaxLength);
        // Two administrators deciding at once: one wins, the other is told the request changed.
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasIndex(r => r.Status).HasFilter("status = 'Pending'");
        builder.HasIndex(r => r.NominationId);
    }
}
