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
    /// Closes this class's idle pooled connections: each test class has its own database, hence its own pool, and Npgsql
    /// keeps idle connections for minutes — enough classes in a row would reach the cluster's connection limit.
    /// </summary>
    public virtual Task DisposeAsync()
    {
        if (ConnectionString.Length > 0)
        {
            using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
        return Task.CompletedTask;
    }

    public CommendationsDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<CommendationsDbContext>().UseCommendationsDatabase(ConnectionString).Options);
}
