using Commendations.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Commendations.Web.Tests.Infrastructure;

/// <summary>The real web host on a fresh migrated database of the test cluster (one per test class).</summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly DatabaseFixture _database = new();

    public string ConnectionString => _database.ConnectionString;

    public Task InitializeAsync() => _database.InitializeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Commendations", _database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Database:SeedDemoData", "true");
        // The key the template database was sealed with (TestCluster), not one generated under the content root.
        builder.UseSetting("Audit:HeadKey", TestAuditKey.HeadKey);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
