using Commendations.Domain.Units;
using Commendations.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength);
        builder.Property(u => u.Title).HasMaxLength(200);
        // Existing users get the defaults (mail on, Vietnamese) from the migration's column defaults.
        builder.Property(u => u.PreferredLanguage).HasMaxLength(5);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
