namespace Commendations.Persistence;

/// <summary>
/// The section <c>Database</c>: what the app does to its database when it starts. Unset switches take their defaults
/// from where it runs (<see cref="Resolve"/>): the private local database and Development migrate and seed the demo;
/// an installation migrates with <c>--migrate-only</c> and starts without demo data.
/// </summary>
public sealed class DatabaseStartupOptions
{
    public const string Section = "Database";

    /// <summary>Apply migrations at start-up (default: with the private local database, and in Development).</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>Import the shipped routes, calendars and reference data at start-up (default on).</summary>
    public bool ImportReferenceData { get; set; } = true;

    /// <summary>Seed the demo province's units, people and committees (default: Development only).</summary>
    public bool? SeedDemoData { get; set; }

    /// <summary>Replay the demo's dossiers and 2024 awards (default: Development only, and only with the demo data).</summary>
    public bool? SeedDemoRoutes { get; set; }

    /// <summary>The switches with their defaults filled in for this environment.</summary>
    public DatabaseStartupOptions Resolve(bool development, bool usingLocalDatabase)
    {
        var demo = SeedDemoData ?? development;
        return new DatabaseStartupOptions
        {
            MigrateOnStartup = MigrateOnStartup ?? (usingLocalDatabase || development),
            ImportReferenceData = ImportReferenceData,
            SeedDemoData = demo,
            SeedDemoRoutes = demo && (SeedDemoRoutes ?? development),
        };
    }
}
