using System.Net;
using Commendations.Seeding;
using Commendations.Web.Auth;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Commendations.Web.Tests.Auth;

public class DemoAccountsBannerTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void Banner_lists_every_demo_account_with_role_unit_and_password()
    {
        _ = app.Server; // starts the host, which seeds the demo data
        var lines = DemoAccountsBanner.Lines(app.Services);

        lines[0].Should().Contain(DemoAccounts.Password);
        lines.Should().HaveCount(DemoAccounts.All.Count + 1);
        lines.Skip(1).Select(l => l.Trim().Split(' ')[0]).Should().Equal(DemoAccounts.All.Select(a => a.UserName));
        lines.Should().Contain(l => l.Contains("lanhdao") && l.Contains("provincialLeader") && l.Contains("Ủy ban nhân dân tỉnh Lam Giang"));
    }
}

public class ProductionGuardTests
{
    [Fact]
    public async Task Production_refuses_to_start_while_demo_accounts_exist()
    {
        await using var app = new ProductionFactory(seedDemoData: true);
        await ((IAsyncLifetime)app).InitializeAsync();

        var start = () => app.CreateClient();

        start.Should().Throw<DemoAccountsInProductionException>()
            .WithMessage($"Refusing to start in Production: {DemoAccounts.All.Count} demo account(s) exist*Delete them*");
    }

    [Fact]
    public async Task Production_starts_without_demo_accounts()
    {
        await using var app = new ProductionFactory(seedDemoData: false);
        await ((IAsyncLifetime)app).InitializeAsync();
        // The test databases are cloned with the demo data: make its accounts ordinary ones.
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("UPDATE users SET is_demo = false", connection);
            await command.ExecuteNonQueryAsync();
        }

        (await app.CreateClient().GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private sealed class ProductionFactory(bool seedDemoData) : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:SeedDemoData", seedDemoData ? "true" : "false");
        }
    }
}
