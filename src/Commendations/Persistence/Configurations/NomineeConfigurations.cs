using Commendations.Domain.Nominees;
using Commendations.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.Property(p => p.FullName).HasMaxLength(200);
        builder.Property(p => p.Position).HasMaxLength(300);
        builder.HasIndex(p => p.IdentityId);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CollectiveConfiguration : IEntityTypeConfiguration<Collective>
{
    public void Configure(EntityTypeBuilder<Collective> builder)
    {
        builder.ToTable("collectives");
        builder.Property(c => c.Name).HasMaxLength(300);
        builder.HasIndex(c => c.IdentityId);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
