using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Commendations.Seeding;

public static class DatabaseInitializer
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        // On an empty database EF's first look at the history logs a failed query: create the (empty) history table first.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet();
        var pending = db.Database.GetMigrations().Where(m => !applied.Contains(m)).ToList();
        if (pending.Count > 0)
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// Reference data every environment needs: stored definitions written before meanings are annotated (once, recorded),
    /// the shipped workflow definitions are seeded or offered, and the holiday calendar is filled in. Nodes starting at
    /// once take turns (an advisory lock), so two never upgrade or import the same thing.
    /// </summary>
    public static async Task ImportReferenceDataAsync(IServiceProvider services, string workflowFolder, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var audit = scope.ServiceProvider.GetRequiredService<Audit.AuditTrail>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended('import-reference-data', 0))", cancellationToken);
        await Workflow.LegacyDefinitionUpgrade.RunAsync(db, audit, now, cancellationToken);
        await Workflow.WorkflowFileImporter.ImportAsync(db, audit, workflowFolder, now, cancellationToken);
        // Only years the calendar has nothing for: a day an administrator removed must not come back at the next start.
        var knownYears = (await db.CalendarDays.Select(d => d.Date.Year).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        db.CalendarDays.AddRange(VietnamCalendar.Days.Where(d => !knownYears.Contains(d.Date.Year)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Adds DOMAIN.md's demo data where it is missing; running it again changes nothing.</summary>
    public static async Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
        // The demo tree is added whole or not at all: a half-present tree would mean someone edited it by hand.
        if (!await db.Units.AnyAsync(cancellationToken))
            db.Units.AddRange(DemoUnits.Create());
        await db.SaveChangesAsync(cancellationToken);
        await DemoUserSeeder.SeedAsync(scope.ServiceProvider, cancellationToken);
        await DemoCatalog.SeedAsync(db, cancellationToken);
    }

    /// <summary>The demo's nominations and award history (<see cref="DemoRoutes"/>), once, on a database with none.</summary>
    public static Task SeedDemoRoutesAsync(IServiceProvider services, CancellationToken cancellationToken = default) =>
        new DemoRoutes(services).SeedAsync(cancellationToken);
}
