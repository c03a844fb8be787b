namespace Commendations.Scheduling;

/// <summary>
/// Quartz's own PostgreSQL schema, as embedded in Quartz.dll, with the table prefix this app uses. Every statement is
/// <c>CREATE ... IF NOT EXISTS</c>, so running it twice is harmless; the migration runs it once.
/// </summary>
public static class QuartzSchema
{
    public const string TablePrefix = "qrtz_";
    public const string ResourceName = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    /// <summary>Dropped in this order by the migration's Down (children before the tables they reference).</summary>
    public static readonly IReadOnlyList<string> Tables =
    [
        "simple_triggers", "cron_triggers", "simprop_triggers", "blob_triggers", "fired_triggers", "triggers", "job_details",
        "calendars", "paused_trigger_grps", "paused_job_grps", "scheduler_state", "locks", "execution_history",
        "misfire_history", "job_status",
    ];

    public static string CreateScript()
    {
        using var stream = typeof(Quartz.IScheduler).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"Quartz.dll has no resource '{ResourceName}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal);
    }

    public static string DropScript() => string.Join('\n', Tables.Select(t => $"DROP TABLE IF EXISTS {TablePrefix}{t};"));
}
