using Commendations.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class EmulationClusterConfiguration : IEntityTypeConfiguration<EmulationCluster>
{
    public void Configure(EntityTypeBuilder<EmulationCluster> builder)
    {
        builder.ToTable("emulation_clusters");
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(300);
    }
}
