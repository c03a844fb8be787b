using Commendations.Domain.Units;
using Commendations.Domain.Users;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Persistence;

public class CommendationsDbContext(DbContextOptions<CommendationsDbContext> options) : IdentityDbContext<AppUser, AppRole, Guid>(options)
{
    public const string MigrationsAssembly = "Commendations.Migrations";

    public DbSet<OrganisationUnit> Units => Set<OrganisationUnit>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CommendationsDbContext).Assembly);
        NameIdentityTables(modelBuilder);
        SnakeCaseNames.Apply(modelBuilder);
    }

    private static void NameIdentityTables(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AppRole>().ToTable("roles");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>>().ToTable("user_roles");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("user_claims");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("user_logins");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("user_tokens");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<Guid>>().ToTable("role_claims");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Statuses and kinds are stored as readable strings, never as numbers (ARCHITECTURE.md).
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
