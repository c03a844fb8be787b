using Microsoft.EntityFrameworkCore;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Commendations.Persistence;

public static class DatabaseOptions
{
    /// <summary>The one place that says how the context talks to PostgreSQL; used by the app, the tests and the design-time factory.</summary>
    public static TBuilder UseCommendationsDatabase<TBuilder>(this TBuilder builder, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        // The app's EF sessions keep no session state (its advisory locks are transaction-scoped; LISTEN and Quartz use
        // their own connection strings, so their own pools), so the DISCARD ALL Npgsql sends on every reuse of a pooled
        // connection — a round trip and a transaction of its own, 1.5 per approval in the benchmark — is skipped.
        //
        // The same few statements run on every transition (load the task, save the state, append audit), so Npgsql prepares
        // a statement on a connection once it has been sent twice: PostgreSQL then skips parsing and planning it again.
        var tuned = new NpgsqlConnectionStringBuilder(connectionString)
        {
            NoResetOnClose = true,
            MaxAutoPrepare = 100,
            AutoPrepareMinUsages = 2,
        }.ConnectionString;
        builder.UseNpgsql(tuned, Configure);
        return builder;
    }

    private static void Configure(NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsAssembly(CommendationsDbContext.MigrationsAssembly)
              .MigrationsHistoryTable("__ef_migrations_history");
}
