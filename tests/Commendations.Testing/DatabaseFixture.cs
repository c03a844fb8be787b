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

    public virtual Task DisposeAsync() => Task.CompletedTask;

    public CommendationsDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<CommendationsDbContext>().UseCommendationsDatabase(ConnectionString).Options);
}
