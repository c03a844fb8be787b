using Commendations.Scheduling;

namespace Commendations.Tests.Scheduling;

/// <summary>
/// The migrations create Quartz's tables from a static copy of Quartz's script. When a Quartz upgrade ships another
/// schema, this fails: add a migration for the difference and keep the new copy beside the old one.
/// </summary>
public class QuartzSchemaTests
{
    private const string Resource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    [Fact]
    public void The_migrations_copy_of_Quartzs_schema_is_the_one_the_Quartz_in_use_ships()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        var copy = File.ReadAllText(Path.Combine(root, "migrations", "Commendations.Migrations", "Sql", "quartz-4.7.3-postgres.sql"));
        using var stream = typeof(Quartz.IScheduler).Assembly.GetManifestResourceStream(Resource)!;
        var shipped = new StreamReader(stream).ReadToEnd()
            .Replace("{0}", QuartzSchema.TablePrefix, StringComparison.Ordinal).Replace("{1}", QuartzSchema.TablePrefix, StringComparison.Ordinal);

        Normalise(copy).Should().EndWith(Normalise(shipped), "the baseline must create what the scheduler expects");
    }

    private static string Normalise(string sql) => sql.ReplaceLineEndings("\n").TrimEnd();
}
