using Commendations.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class LegalInstrumentConfiguration : IEntityTypeConfiguration<LegalInstrument>
{
    public void Configure(EntityTypeBuilder<LegalInstrument> builder)
    {
        builder.ToTable("legal_instruments");
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Name).HasMaxLength(300);
        builder.Property(i => i.Number).HasMaxLength(60);
        builder.HasIndex(i => i.Number).IsUnique();
        builder.Property(i => i.Issuer).HasMaxLength(200);
        builder.Property(i => i.Subject).HasMaxLength(LegalInstrument.TextMaxLength);
        builder.Property(i => i.Source).HasMaxLength(LegalInstrument.TextMaxLength);
        builder.Ignore(i => i.Citation);
    }
}

internal sealed class SigningAuthorityConfiguration : IEntityTypeConfiguration<SigningAuthority>
{
    public void Configure(EntityTypeBuilder<SigningAuthority> builder)
    {
        builder.ToTable("signing_authorities");
        builder.HasIndex(a => a.EffectiveFrom).IsUnique();
        builder.Property(a => a.IssuerName).HasMaxLength(SigningAuthority.LineMaxLength);
        builder.Property(a => a.Place).HasMaxLength(100);
        builder.Property(a => a.AuthorityLine).HasMaxLength(SigningAuthority.LineMaxLength);
        builder.Property(a => a.HeadTitle).HasMaxLength(200);
        builder.Property(a => a.DeputyTitle).HasMaxLength(200);
        builder.Property(a => a.ProposalLine).HasMaxLength(SigningAuthority.LineMaxLength);
        builder.Property(a => a.ExecutionLine).HasMaxLength(2000);
    }
}
