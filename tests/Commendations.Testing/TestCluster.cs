using Commendations.Infrastructure.Postgres;
using Commendations.Persistence;
using Commendations.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Commendations.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster per test process, with a template database migrated once.
/// Each test class clones its own database from the template (fast: no migration per class).
/// </summary>
public static class TestCluster
{
    private const string TemplateName = "migrated_template";
    private static readonly SemaphoreSlim CloneLock = new(1, 1);
    private static readonly Lazy<ThrowawayCluster> Cluster = new(StartAndMigrate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _counter;

    public static PostgresServer Server => Cluster.Value.Server;

    /// <summary>Stops and removes the cluster if this run started one.</summary>
    public static void Shutdown()
    {
        if (Cluster.IsValueCreated)
            Cluster.Value.Dispose();
    }

    /// <summary>Creates a fresh, fully migrated database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var server = Server;
        var name = $"t{Interlocked.Increment(ref _counter)}_{new string(purpose.ToLowerInvariant().Where(char.IsLetterOrDigit).Take(40).ToArray())}";
        await CloneLock.WaitAsync();
        try
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE {TemplateName}", connection);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            CloneLock.Release();
        }
        return server.ConnectionString(name);
    }

    private static ThrowawayCluster StartAndMigrate()
    {
        var cluster = ThrowawayCluster.Start(durable: false, settings: new Dictionary<string, string> { ["max_connections"] = "300" });
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        try
        {
            using (var connection = new NpgsqlConnection(cluster.Server.ConnectionString()))
            {
                connection.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE {TemplateName}", connection);
                create.ExecuteNonQuery();
            }
            // No pooling: a pooled idle connection to the template would block every CREATE DATABASE ... TEMPLATE.
            var templateConnection = new NpgsqlConnectionStringBuilder(cluster.Server.ConnectionString(TemplateName)) { Pooling = false }.ConnectionString;
            var options = new DbContextOptionsBuilder<CommendationsDbContext>().UseCommendationsDatabase(templateConnection).Options;
            using (var db = new CommendationsDbContext(options))
                db.Database.Migrate();
            SeedTemplate(templateConnection);
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
        return cluster;
    }

    /// <summary>Reference data (shipped workflows, holidays) and DOMAIN.md's demo data, once, so every clone starts with them.</summary>
    private static void SeedTemplate(string connectionString)
    {
        using var services = new ServiceCollection().AddLogging().AddCommendations(connectionString, demoScopes: true).AddTestAuditKey().BuildServiceProvider();
        DatabaseInitializer.ImportReferenceDataAsync(services, Path.Combine(RepositoryRoot, "workflows")).GetAwaiter().GetResult();
        DatabaseInitializer.SeedDemoDataAsync(services).GetAwaiter().GetResult();
    }

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Commendations.sln")))
                    return dir.FullName;
            }
            throw new InvalidOperationException("Commendations.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
