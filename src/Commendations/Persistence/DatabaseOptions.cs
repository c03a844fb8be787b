using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Commendations.Persistence;

public static class DatabaseOptions
{
    /// <summary>The one place that says how the context talks to PostgreSQL; used by the app, the tests and the design-time factory.</summary>
    public static TBuilder UseCommendationsDatabase<TBuilder>(this TBuilder builder, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        builder.UseNpgsql(connectionString, Configure);
        return builder;
    }

    private static void Configure(NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsAssembly(CommendationsDbContext.MigrationsAssembly)
              .MigrationsHistoryTable("__ef_migrations_history");
}
