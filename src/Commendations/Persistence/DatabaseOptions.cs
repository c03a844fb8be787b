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
        // connection — a round trip and a transaction of its own, 1.5 per approval in the benchmark — is skipped. (It played no
        // part in the poisoned connections below: they happened with the reset on too.)
        //
        // The same few statements run on every transition (load the task, save the state, append audit), so a statement is
        // prepared on a connection once sent twice there: PostgreSQL then skips parsing and planning it again. Not by
        // Npgsql's auto-prepare (Max Auto Prepare stays 0): a statement refused at Bind on the execution that auto-prepared
        // it poisoned its pooled connection for the next request. StatementPreparer explains how, and prepares explicitly,
        // with the same threshold and budget (2 uses, 100 statements per connection).
        var tuned = new NpgsqlConnectionStringBuilder(connectionString)
        {
            NoResetOnClose = true,
            MaxAutoPrepare = 0,
        }.ConnectionString;
        builder.UseNpgsql(tuned, Configure);
        builder.AddInterceptors(StatementPreparer.Instance);
        return builder;
    }

    private static void Configure(NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsAssembly(CommendationsDbContext.MigrationsAssembly)
              .MigrationsHistoryTable("__ef_migrations_history");
}
