using System.Net;
using Commendations.Web.Tests.Infrastructure;

namespace Commendations.Web.Tests.Hosting;

public class HealthEndpointTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Liveness_answers_without_touching_the_database()
    {
        var response = await app.CreateClient().GetAsync("/health/live");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task Readiness_is_healthy_when_the_database_is_migrated()
    {
        var response = await app.CreateClient().GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }
}

public class ReadinessWithoutDatabaseTests
{
    [Fact]
    public async Task Readiness_is_unhealthy_when_the_database_does_not_answer()
    {
        var port = Commendations.Infrastructure.Postgres.PostgresServer.FreeLoopbackPort();
        await using var app = new UnreachableDatabaseFactory($"Host=127.0.0.1;Port={port};Username=nobody;Password=x;Database=none;Timeout=2");

        var response = await app.CreateClient().GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await app.CreateClient().GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private sealed class UnreachableDatabaseFactory(string connectionString) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Commendations", connectionString);
            builder.UseSetting("Database:MigrateOnStartup", "false");
            builder.UseSetting("Database:SeedDemoData", "false");
            builder.UseSetting("Database:ImportReferenceData", "false");
            // Quartz's job store needs the database to start at all; this test is about readiness, not scheduling.
            builder.UseSetting("Scheduling:Enabled", "false");
        }
    }
}
