using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Commendations.Infrastructure.Postgres;

/// <summary>
/// A private PostgreSQL cluster run from the machine's server binaries: created on first use,
/// started on a loopback port, stopped on request. Used by the app when no connection string is
/// configured, and by the tests and benchmarks for their throwaway clusters.
/// </summary>
public sealed class PostgresServer
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);
    private readonly PostgresServerOptions _options;
    private readonly PostgresBinaries _binaries;
    private readonly bool _runAsPostgresUser = Environment.IsPrivilegedProcess;

    public PostgresServer(PostgresServerOptions options, PostgresBinaries binaries)
    {
        _options = options;
        _binaries = binaries;
    }

    public string DataDirectory => Path.GetFullPath(_options.DataDirectory);
    public int Port { get; private set; }
    public string PasswordFile => DataDirectory + ".password";

    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Password = File.ReadAllText(PasswordFile).Trim(),
        Database = database,
    }.ConnectionString;

    public bool IsInitialized => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    /// <summary>True when a postmaster is running on this data directory (ours or an orphan of a killed run).</summary>
    public bool IsRunning => IsInitialized && RunPgCtl(["status", "-D", DataDirectory]).ExitCode == 0;

    public void Start()
    {
        if (!IsInitialized)
            Initialize();
        Port = _options.Port != 0 ? _options.Port : FreeLoopbackPort();
        var log = Path.Combine(DataDirectory, "server.log");
        var (code, output) = RunPgCtl(["start", "-D", DataDirectory, "-l", log, "-w", "-t", "60", "-o", $"-p {Port}"]);
        if (code != 0)
        {
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(10)) : "";
            throw new InvalidOperationException($"PostgreSQL did not start on port {Port}: {output}\n{tail}");
        }
    }

    /// <summary>Stops the server; <paramref name="immediate"/> skips the shutdown checkpoint (for throwaway data).</summary>
    public void Stop(bool immediate = false)
    {
        if (IsRunning)
            RunPgCtl(["stop", "-D", DataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "-t", "60"]);
    }

    /// <summary>The command line that stops this server, as the right operating-system user (for a watchdog script).</summary>
    public string StopCommandLine() =>
        (_runAsPostgresUser ? "runuser -u postgres -- " : "") + $"'{_binaries.PgCtl}' stop -D '{DataDirectory}' -m immediate -w";

    private void Initialize()
    {
        Directory.CreateDirectory(DataDirectory);
        if (Directory.EnumerateFileSystemEntries(DataDirectory).Any())
            throw new InvalidOperationException($"{DataDirectory} is not empty and holds no PostgreSQL cluster; move it away or choose another data folder.");

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        File.WriteAllText(PasswordFile, password);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (_runAsPostgresUser)
        {
            // initdb refuses to run as root: the cluster belongs to the 'postgres' account, which also reads the password file once.
            ProcessRunner.RunChecked("chown", ["postgres:postgres", DataDirectory, PasswordFile], CommandTimeout);
        }

        string[] initArgs =
        [
            "-D", DataDirectory, "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8",
            "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + PasswordFile,
            .. _options.Durable ? Array.Empty<string>() : ["--no-sync"],
        ];
        var (code, output) = Run(_binaries.InitDb, initArgs);
        if (code != 0)
            throw new InvalidOperationException($"initdb failed: {output}");
        if (_runAsPostgresUser)
            ProcessRunner.RunChecked("chown", ["root:root", PasswordFile], CommandTimeout);

        File.AppendAllLines(Path.Combine(DataDirectory, "postgresql.conf"), ServerSettings());
    }

    private IEnumerable<string> ServerSettings()
    {
        yield return "# Added by Commendations: loopback only, socket inside the data directory.";
        yield return "listen_addresses = '127.0.0.1'";
        yield return $"unix_socket_directories = '{DataDirectory.Replace("'", "''")}'";
        if (!_options.Durable)
        {
            yield return "fsync = off";
            yield return "synchronous_commit = off";
            yield return "full_page_writes = off";
        }
        foreach (var (name, value) in _options.Settings)
            yield return $"{name} = '{value.Replace("'", "''")}'";
    }

    private (int ExitCode, string Output) RunPgCtl(IEnumerable<string> args) => Run(_binaries.PgCtl, args);

    private (int ExitCode, string Output) Run(string program, IEnumerable<string> args) => _runAsPostgresUser
        ? ProcessRunner.Run("runuser", ["-u", "postgres", "--", program, .. args], CommandTimeout)
        : ProcessRunner.Run(program, args, CommandTimeout);

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
