using Commendations.Domain.Catalog;
using Commendations.Domain.Eligibility;
using Commendations.Domain.Nominations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class EligibilityRuleSetConfiguration : IEntityTypeConfiguration<EligibilityRuleSet>
{
    public void Configure(EntityTypeBuilder<EligibilityRuleSet> builder)
    {
        builder.ToTable("eligibility_rule_sets");
        builder.Property(r => r.AwardFormCode).HasMaxLength(AwardForm.CodeMaxLength);
        builder.Property(r => r.LegalBasis).HasMaxLength(500);
        builder.Property(r => r.Rules).HasColumnType("jsonb");
        builder.HasIndex(r => new { r.AwardFormCode, r.Version }).IsUnique();
        builder.HasIndex(r => new { r.AwardFormCode, r.EffectiveFrom }).IsUnique();
    }
}

internal sealed class NominationEligibilityConfiguration : IEntityTypeConfiguration<NominationEligibility>
{
    public void Configure(EntityTypeBuilder<NominationEligibility> builder)
    {
        builder.ToTable("nomination_eligibility");
        builder.HasKey(e => e.NominationId);
        builder.Property(e => e.NominationId).ValueGeneratedNever();
        builder.Property(e => e.Results).HasColumnType("jsonb");
        builder.HasOne<Nomination>().WithOne().HasForeignKey<NominationEligibility>(e => e.NominationId).OnDelete(DeleteBehavior.Cascade);
    }
}
