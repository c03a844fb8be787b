using Commendations.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Persistence;

public class CommendationsDbContext(DbContextOptions<CommendationsDbContext> options) : DbContext(options)
{
    public const string MigrationsAssembly = "Commendations.Migrations";

    public DbSet<OrganisationUnit> Units => Set<OrganisationUnit>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CommendationsDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Statuses and kinds are stored as readable strings, never as numbers (ARCHITECTURE.md).
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
