using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Commendations.Testing;

/// <summary>A fresh migrated database for one test class (use as IClassFixture).</summary>
public class DatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public virtual async Task InitializeAsync() => ConnectionString = await TestCluster.CreateDatabaseAsync(GetType().Name);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    public CommendationsDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<CommendationsDbContext>().UseCommendationsDatabase(ConnectionString).Options);
}
