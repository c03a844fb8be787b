using Commendations.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class AwardFormConfiguration : IEntityTypeConfiguration<AwardForm>
{
    public void Configure(EntityTypeBuilder<AwardForm> builder)
    {
        builder.ToTable("award_forms");
        builder.Property(a => a.Code).HasMaxLength(AwardForm.CodeMaxLength);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.CertificateTitle).HasMaxLength(AwardForm.CertificateTitleMaxLength).HasDefaultValue(AwardForm.DefaultCertificateTitle);
        builder.PrimitiveCollection(a => a.NomineeKinds).ElementType(e => e.HasConversion<string>());
        builder.PrimitiveCollection(a => a.RequiredDocuments).ElementType(e => e.HasConversion<string>());
    }
}
