using Commendations.Infrastructure.Postgres;
using Npgsql;

namespace Commendations.Web.Hosting;

/// <summary>
/// The run command's private database: when no connection string is configured, create (first time) or
/// reuse a PostgreSQL cluster in a git-ignored data folder, start it on a loopback port, and stop it with the app.
/// </summary>
public sealed class LocalDatabase : IDisposable
{
    public const string DatabaseName = "commendations";
    private readonly PostgresServer _server;
    private readonly DataFolderLock _lock;

    private LocalDatabase(string dataFolder, PostgresServer server, DataFolderLock folderLock)
    {
        DataFolder = dataFolder;
        _server = server;
        _lock = folderLock;
    }

    /// <summary>The folder holding the cluster (and what belongs with it, such as the generated audit head key).</summary>
    public string DataFolder { get; }

    public string ConnectionString => _server.ConnectionString(DatabaseName);
    public string DataDirectory => _server.DataDirectory;

    /// <summary>Starts the private cluster, or explains in one line why it cannot and returns null.</summary>
    public static LocalDatabase? Start(string dataFolder, string? binDirectory, TextWriter errors)
    {
        var binaries = PostgresBinaries.Find(binDirectory);
        if (binaries is null)
        {
            errors.WriteLine(PostgresBinaries.MissingMessage);
            return null;
        }

        var folderLock = DataFolderLock.TryAcquire(dataFolder);
        if (folderLock is null)
        {
            errors.WriteLine($"The data folder {Path.GetFullPath(dataFolder)} is in use by another running instance " +
                             $"(process {DataFolderLock.Holder(dataFolder) ?? "unknown"}): stop it, or set ConnectionStrings__Commendations to use another server.");
            return null;
        }

        var server = new PostgresServer(new PostgresServerOptions { DataDirectory = Path.Combine(dataFolder, "postgres") }, binaries);
        try
        {
            // We hold the folder lock, so a postmaster still running here was orphaned by a killed run: stop it cleanly first.
            if (server.IsRunning)
                server.Stop();
            server.Start();
            CreateDatabaseIfMissing(server);
            return new LocalDatabase(dataFolder, server, folderLock);
        }
        catch
        {
            server.Stop();
            folderLock.Dispose();
            throw;
        }
    }

    private static void CreateDatabaseIfMissing(PostgresServer server)
    {
        using var connection = new NpgsqlConnection(server.ConnectionString());
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", DatabaseName);
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection);
            create.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        _server.Stop();
        _lock.Dispose();
    }
}
