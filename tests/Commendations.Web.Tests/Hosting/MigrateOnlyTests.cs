using System.Diagnostics;
using Commendations.Persistence;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Commendations.Web.Tests.Hosting;

/// <summary>The production path: `--migrate-only` applies migrations to the configured server and exits without serving.</summary>
public class MigrateOnlyTests
{
    [Fact]
    public async Task Migrate_only_applies_every_migration_to_an_empty_database_and_exits_zero()
    {
        var name = "migrate_only_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(TestCluster.Server.ConnectionString()))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0", admin).ExecuteNonQueryAsync();
        }
        var connectionString = TestCluster.Server.ConnectionString(name);
        var appDll = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet") { ArgumentList = { appDll, "--migrate-only" }, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["ConnectionStrings__Commendations"] = connectionString;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);

        process.ExitCode.Should().Be(0, errors);
        output.Should().Contain("Migrations applied.");
        await using var db = new CommendationsDbContext(new DbContextOptionsBuilder<CommendationsDbContext>().UseCommendationsDatabase(connectionString).Options);
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Users.AnyAsync()).Should().BeFalse("production gets no demo accounts");
    }
}
