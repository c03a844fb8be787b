using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Commendations.Migrations;

/// <summary>
/// Lets `dotnet ef` build the model without starting the web host. Adding a migration needs no server;
/// commands that touch a database read COMMENDATIONS_DESIGN_CONNECTION.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CommendationsDbContext>
{
    public CommendationsDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("COMMENDATIONS_DESIGN_CONNECTION")
                               ?? "Host=127.0.0.1;Database=commendations;Username=postgres";
        var options = new DbContextOptionsBuilder<CommendationsDbContext>().UseCommendationsDatabase(connectionString).Options;
        return new CommendationsDbContext(options);
    }
}
