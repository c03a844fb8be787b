using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Commendations.Testing;

/// <summary>A fresh migrated database for one test class (use as IClassFixture).</summary>
public class DatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public virtual async Task InitializeAsync() => ConnectionString = Tune(await TestCluster.CreateDatabaseAsync(GetType().Name));

    /// <summary>Lets a fixture change how its tests connect, e.g. a pool of two connections to make reuse certain.</summary>
    protected virtual string Tune(string connectionString) => connectionString;

    /// <summary>
    /// Drops this class's database, ending its sessions: each test class has its own database, and the app under test keeps
    /// idle pooled connections for minutes in pools of its own (its EF, LISTEN and Quartz connection strings differ from
    /// this one, so clearing this string's pool does not reach them) — enough classes in a row would reach the cluster's
    /// connection limit, and a later class's request would be refused as "too many connections".
    /// </summary>
    public virtual async Task DisposeAsync()
    {
        if (ConnectionString.Length == 0)
            return;
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        using (var connection = new Npgsql.NpgsqlConnection(ConnectionString))
            Npgsql.NpgsqlConnection.ClearPool(connection);
        var database = builder.Database!;
        builder.Database = "postgres";
        builder.Pooling = false;
        await using var admin = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public CommendationsDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<CommendationsDbContext>().UseCommendationsDatabase(ConnectionString).Options);
}
