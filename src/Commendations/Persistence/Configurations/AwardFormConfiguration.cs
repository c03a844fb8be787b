using System.Text.Json;
using System.Text.Json.Serialization;
using Commendations.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class AwardFormConfiguration : IEntityTypeConfiguration<AwardForm>
{
    private static readonly JsonSerializerOptions LayoutJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<AwardForm> builder)
    {
        builder.ToTable("award_forms");
        builder.Property(a => a.Code).HasMaxLength(AwardForm.CodeMaxLength);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.CertificateTitle).HasMaxLength(AwardForm.CertificateTitleMaxLength).HasDefaultValue(AwardForm.DefaultCertificateTitle);
        builder.PrimitiveCollection(a => a.NomineeKinds).ElementType(e => e.HasConversion<string>());
        builder.PrimitiveCollection(a => a.RequiredDocuments).ElementType(e => e.HasConversion<string>());
        builder.Ignore(a => a.EffectiveCertificateLayout);
        // Part of the award form, read and written whole: jsonb, enums by name so the column reads without the code.
        builder.Property(a => a.CertificateLayout).HasColumnType("jsonb").HasConversion(
            layout => layout == null ? null : JsonSerializer.Serialize(layout, LayoutJson),
            json => json == null ? null : JsonSerializer.Deserialize<CertificateLayout>(json, LayoutJson));
    }
}
