using Commendations.Infrastructure.Postgres;
using Npgsql;

namespace Commendations.Testing;

/// <summary>
/// A PostgreSQL cluster for one test or benchmark run: a temporary folder, a free port, removed on dispose.
/// A run that was killed before it could clean up is swept by the next one (its owner process is gone).
/// </summary>
public sealed class ThrowawayCluster : IDisposable
{
    private const string Prefix = "commendations-pg-";
    private readonly string _root;
    private int _disposed;

    public PostgresServer Server { get; }

    private ThrowawayCluster(string root, PostgresServer server)
    {
        _root = root;
        Server = server;
    }

    public static ThrowawayCluster Start(bool durable = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        var binaries = PostgresBinaries.Find() ?? throw new InvalidOperationException(PostgresBinaries.MissingMessage);
        SweepAbandoned(binaries);
        var root = Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "owner.pid"), Environment.ProcessId.ToString());
        var server = new PostgresServer(new PostgresServerOptions
        {
            DataDirectory = Path.Combine(root, "data"),
            Durable = durable,
            Settings = settings ?? new Dictionary<string, string>(),
        }, binaries);
        var cluster = new ThrowawayCluster(root, server);
        try
        {
            server.Start();
            StartWatchdog(root, server);
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
        return cluster;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        NpgsqlConnection.ClearAllPools();
        try
        {
            Server.Stop(immediate: true);
        }
        finally
        {
            TryDelete(_root);
        }
    }

    /// <summary>
    /// A detached shell that waits for this process to end, then stops the server and deletes the folder.
    /// Test hosts are often killed before their own cleanup finishes; this still leaves nothing behind.
    /// </summary>
    private static void StartWatchdog(string root, PostgresServer server)
    {
        var script = "exec >/dev/null 2>&1 </dev/null; " +
                     $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 0.3; done; " +
                     $"if [ -f '{server.DataDirectory}/postmaster.pid' ]; then {server.StopCommandLine()}; fi; " +
                     $"rm -rf '{root}'";
        var info = new System.Diagnostics.ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in new[] { "sh", "-c", script })
            info.ArgumentList.Add(argument);
        System.Diagnostics.Process.Start(info)?.Dispose();
    }

    /// <summary>Stops and removes clusters whose owning process no longer exists.</summary>
    private static void SweepAbandoned(PostgresBinaries binaries)
    {
        foreach (var root in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var pidFile = Path.Combine(root, "owner.pid");
            if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile), out var pid) || ProcessExists(pid))
                continue;
            var server = new PostgresServer(new PostgresServerOptions { DataDirectory = Path.Combine(root, "data") }, binaries);
            try
            {
                server.Stop(immediate: true);
            }
            catch (Exception)
            {
                // Best effort: a half-created cluster may not even have a PG_VERSION; deleting the folder is what matters.
            }
            TryDelete(root);
        }
    }

    private static bool ProcessExists(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
