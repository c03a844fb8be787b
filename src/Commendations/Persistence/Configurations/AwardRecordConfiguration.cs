using Commendations.Domain.Decisions;
using Commendations.Domain.Nominations;
using Commendations.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class AwardRecordConfiguration : IEntityTypeConfiguration<AwardRecord>
{
    public void Configure(EntityTypeBuilder<AwardRecord> builder)
    {
        builder.ToTable("award_records");
        builder.Property(r => r.DecisionNumber).HasMaxLength(60);
        builder.Property(r => r.Series).HasMaxLength(10);
        builder.Property(r => r.RegisterNumber).HasMaxLength(AwardRecord.RegisterNumberMaxLength);
        builder.HasIndex(r => r.RegisterNumber).IsUnique();
        builder.HasIndex(r => new { r.Series, r.Year, r.Sequence }).IsUnique();
        builder.Property(r => r.NomineeName).HasMaxLength(300);
        builder.Property(r => r.UnitName).HasMaxLength(300);
        builder.Property(r => r.AwardFormCode).HasMaxLength(40);
        builder.Property(r => r.AwardFormName).HasMaxLength(300);
        builder.Property(r => r.CampaignCode).HasMaxLength(40);
        builder.Property(r => r.CampaignName).HasMaxLength(500);
        builder.Property(r => r.RevocationReason).HasMaxLength(2000);
        builder.Property(r => r.CentralAuthority).HasMaxLength(200);
        builder.Property(r => r.RevokingDecisionNumber).HasMaxLength(60);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasOne<Decision>().WithMany().HasForeignKey(r => r.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(r => r.NominationId).OnDelete(DeleteBehavior.Restrict);
        // Quota counts and campaign/person/collective histories.
        builder.HasIndex(r => new { r.CampaignId, r.AwardFormId, r.Kind });
        builder.HasIndex(r => r.PersonId);
        builder.HasIndex(r => r.NomineeIdentityId);
        builder.HasIndex(r => r.CollectiveId);
        builder.HasIndex(r => r.DecisionId);
    }
}

internal sealed class RegisterCounterConfiguration : IEntityTypeConfiguration<RegisterCounter>
{
    public void Configure(EntityTypeBuilder<RegisterCounter> builder)
    {
        builder.ToTable("register_counters");
        builder.HasKey(c => new { c.Series, c.Year });
        builder.Property(c => c.Series).HasMaxLength(10);
    }
}

internal sealed class ForwardingSendConfiguration : IEntityTypeConfiguration<Domain.Forwarding.ForwardingSend>
{
    public void Configure(EntityTypeBuilder<Domain.Forwarding.ForwardingSend> builder)
    {
        builder.ToTable("forwarding_sends");
        builder.Property(s => s.Endpoint).HasMaxLength(500);
        builder.Property(s => s.PackageSha256).HasMaxLength(64);
        builder.Property(s => s.Response).HasMaxLength(Domain.Forwarding.ForwardingSend.ResponseMaxLength);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(s => s.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.NominationId, s.SentAt });
    }
}
