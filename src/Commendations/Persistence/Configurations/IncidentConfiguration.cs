using Commendations.Domain.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

public sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(i => i.SubjectKey).HasMaxLength(Incident.SubjectKeyMaxLength);
        builder.Property(i => i.Role).HasMaxLength(64);
        builder.Property(i => i.Committee).HasMaxLength(Domain.Committees.Committee.CodeMaxLength);
        // One open incident per kind and subject: the sweep updates it instead of adding another.
        builder.HasIndex(i => new { i.Kind, i.SubjectKey }).IsUnique().HasFilter("resolved_at IS NULL");
        builder.HasIndex(i => i.ResolvedAt);
    }
}
