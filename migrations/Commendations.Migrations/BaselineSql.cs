namespace Commendations.Migrations;

/// <summary>
/// The SQL files the baseline runs, embedded in this assembly (Sql/*.sql): static text, so a migration creates the
/// same schema whatever library versions the app is later built with.
/// </summary>
internal static class BaselineSql
{
    public const string QuartzTables = "quartz-4.7.3-postgres.sql";
    public const string Objects = "baseline-objects.sql";

    public static string Read(string file)
    {
        using var stream = typeof(BaselineSql).Assembly.GetManifestResourceStream($"Commendations.Migrations.Sql.{file}")
                           ?? throw new InvalidOperationException($"The migrations assembly has no embedded Sql/{file}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
