using Commendations.Domain.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class SavedScenarioConfiguration : IEntityTypeConfiguration<SavedScenario>
{
    public void Configure(EntityTypeBuilder<SavedScenario> builder)
    {
        builder.ToTable("saved_scenarios");
        builder.Property(s => s.DefinitionId).HasMaxLength(80);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.HasIndex(s => new { s.DefinitionId, s.Name }).IsUnique();
        builder.Property(s => s.Scenario).HasColumnType("jsonb");
        builder.Property(s => s.CreatedBy).HasMaxLength(200);
    }
}
