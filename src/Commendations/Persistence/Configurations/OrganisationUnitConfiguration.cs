using Commendations.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class OrganisationUnitConfiguration : IEntityTypeConfiguration<OrganisationUnit>
{
    public void Configure(EntityTypeBuilder<OrganisationUnit> builder)
    {
        builder.ToTable("units");
        builder.Property(u => u.Code).HasMaxLength(OrganisationUnit.CodeMaxLength);
        builder.HasIndex(u => u.Code).IsUnique();
        builder.Property(u => u.Name).HasMaxLength(OrganisationUnit.NameMaxLength);
        builder.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EmulationCluster>().WithMany().HasForeignKey(u => u.ClusterId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(u => u.Version).IsRowVersion();
    }
}
