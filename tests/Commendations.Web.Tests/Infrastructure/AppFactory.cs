using Commendations.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Web.Tests.Infrastructure;

/// <summary>The real web host on a fresh migrated database of the test cluster (one per test class).</summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly DatabaseFixture _database;
    private readonly bool _ownsDatabase;

    public AppFactory() : this(new DatabaseFixture(), ownsDatabase: true)
    {
    }

    private AppFactory(DatabaseFixture database, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
    }

    /// <summary>Another web node on the database of <paramref name="first"/> (multi-node tests); start it after the first.</summary>
    public static AppFactory OnSameDatabaseAs(AppFactory first) => new(first._database, ownsDatabase: false);

    public string ConnectionString => _database.ConnectionString;

    /// <summary>
    /// Most test classes sign in far more often than a person would, all from one address: they get sign-in limits that never
    /// trigger. The classes that test the limits keep the shipped defaults.
    /// </summary>
    protected virtual bool RelaxSignInLimits => true;

    public Task InitializeAsync() => _ownsDatabase ? _database.InitializeAsync() : Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Commendations", _database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Database:SeedDemoData", "true");
        // The demo has one administrator: most classes publish alone. The four-eyes classes turn it back on after this.
        builder.UseSetting("Workflows:RequireSecondApproval", "false");
        if (PlainHttp)
            builder.UseSetting("Web:RequireHttps", "false");
        if (RelaxSignInLimits)
        {
            builder.UseSetting("SignIn:PermitsPerIp", "100000");
            builder.UseSetting("SignIn:PermitsPerAccount", "100000");
        }
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());
        // The key the template database was sealed with (TestCluster), not one generated under the content root.
        builder.UseSetting("Audit:HeadKey", TestAuditKey.HeadKey);
    }

    /// <summary>The tests talk plain HTTP to the in-memory server; HttpsTests checks the production default (HTTPS required).</summary>
    protected virtual bool PlainHttp => true;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Stops the host, then lets go of the class's pooled connections (idle ones would otherwise stay open for minutes).</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
            await _database.DisposeAsync();
    }
}
