using Commendations.Common.Security;
using Commendations.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

/// <summary>The roles are reference data every database needs, so a migration inserts them (fixed ids and stamps keep the model stable).</summary>
internal sealed class AppRoleConfiguration : IEntityTypeConfiguration<AppRole>
{
    public void Configure(EntityTypeBuilder<AppRole> builder) =>
        builder.HasData(Roles.All.Select((name, i) => new AppRole
        {
            Id = new Guid($"00000000-0000-0000-0000-{i + 1:D12}"),
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = $"role-{i + 1}",
        }));
}
