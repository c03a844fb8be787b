using Commendations.Testing;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Commendations.Infrastructure.Postgres;
using Npgsql;

namespace Commendations.Benchmarks.EndToEnd;

/// <summary>
/// The one throwaway PostgreSQL cluster of a benchmark run: durable (fsync and synchronous_commit on, full page writes),
/// pg_stat_statements loaded, a few memory settings raised modestly (printed with the results).
/// </summary>
public sealed partial class BenchCluster : IDisposable
{
    /// <summary>Changed from the defaults; everything else is PostgreSQL 15's default configuration.</summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["shared_preload_libraries"] = "pg_stat_statements",
        ["pg_stat_statements.max"] = "2000",
        ["shared_buffers"] = "512MB",
        ["effective_cache_size"] = "4GB",
        ["work_mem"] = "16MB",
        ["maintenance_work_mem"] = "256MB",
        ["max_wal_size"] = "4GB",
        ["max_connections"] = "200",
    };

    private readonly ThrowawayCluster _cluster;

    private BenchCluster(ThrowawayCluster cluster) => _cluster = cluster;

    public PostgresServer Server => _cluster.Server;

    public static BenchCluster Start()
    {
        var cluster = ThrowawayCluster.Start(durable: true, settings: Settings);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        var bench = new BenchCluster(cluster);
        bench.Execute("postgres", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        return bench;
    }

    public string ConnectionString(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(Server.ConnectionString(database)) { Pooling = pooling, MaxPoolSize = 100, CommandTimeout = 600 }.ConnectionString;

    public void CreateDatabase(string name) => Execute("postgres", $"CREATE DATABASE \"{name}\"");

    public void Execute(string database, string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString(database, pooling: false));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }

    /// <summary>The settings that make the cluster durable, read back from the server (so the report shows what really ran).</summary>
    public IReadOnlyList<(string Name, string Value)> ShowSettings()
    {
        string[] names = ["fsync", "synchronous_commit", "full_page_writes", "wal_sync_method", .. Settings.Keys];
        using var connection = new NpgsqlConnection(ConnectionString("postgres", pooling: false));
        connection.Open();
        var result = new List<(string, string)>();
        foreach (var name in names)
        {
            using var command = new NpgsqlCommand($"SHOW \"{name}\"", connection);
            result.Add((name, (string)command.ExecuteScalar()!));
        }
        return result;
    }

    /// <summary>Database transactions (commits + rollbacks) and pg_stat_statements calls of one database, now.</summary>
    public async Task<DbCounters> CountersAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres", pooling: false));
        await connection.OpenAsync();
        // Backends publish their transaction counts when they go idle (at most once a second): force our own view fresh.
        await using (var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", connection))
            await clear.ExecuteNonQueryAsync();
        await using var xacts = new NpgsqlCommand("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = @d", connection);
        xacts.Parameters.AddWithValue("d", database);
        var transactions = (long)(await xacts.ExecuteScalarAsync())!;
        var statements = new Dictionary<long, StatementCount>();
        await using var stmts = new NpgsqlCommand(
            "SELECT s.queryid, s.calls, s.total_exec_time, s.query FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = @d", connection);
        stmts.Parameters.AddWithValue("d", database);
        await using var reader = await stmts.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.IsDBNull(0) ? 0 : reader.GetInt64(0);
            var calls = reader.GetInt64(1);
            var time = reader.GetDouble(2);
            statements[id] = statements.TryGetValue(id, out var existing)
                ? existing with { Calls = existing.Calls + calls, TotalMs = existing.TotalMs + time }
                : new StatementCount(reader.GetString(3), calls, time);
        }
        return new DbCounters(transactions, statements);
    }

    /// <summary>The outbox of <paramref name="database"/> now: the last id written, messages processed, messages pending.</summary>
    public async Task<OutboxCounts> OutboxAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database, pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(max(id), 0), count(*) FILTER (WHERE processed_at IS NOT NULL), count(*) FILTER (WHERE processed_at IS NULL) FROM outbox_messages",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new OutboxCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>pgbench -N (TPC-B-like without branch/teller updates) with <paramref name="clients"/> clients on its own database.</summary>
    public PgbenchResult RunPgbench(int clients, int seconds, int scale, TextWriter log)
    {
        CreateDatabase("pgbench");
        var pgbench = FindPgbench();
        var initialise = Stopwatch.StartNew();
        RunTool(pgbench, ["-i", "-q", "-s", scale.ToString(CultureInfo.InvariantCulture), "pgbench"], TimeSpan.FromMinutes(5));
        log.WriteLine($"  pgbench -i -s {scale} done in {initialise.Elapsed.TotalSeconds:F1} s; running pgbench -N -c {clients} -j 2 -T {seconds} ...");
        var before = CpuMeter.MachineBusyMs();
        var output = RunTool(pgbench, ["-N", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture), "pgbench"],
            TimeSpan.FromSeconds(seconds + 120));
        var tps = TpsPattern().Match(output);
        var latency = LatencyPattern().Match(output);
        var busyMs = CpuMeter.MachineBusyMs() - before;
        var processed = ProcessedPattern().Match(output);
        if (!tps.Success)
            throw new InvalidOperationException("pgbench printed no tps line:\n" + output);
        return new PgbenchResult(
            double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture),
            latency.Success ? double.Parse(latency.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN,
            clients, seconds, scale,
            processed.Success ? busyMs / long.Parse(processed.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN);
    }

    /// <summary>
    /// A custom pgbench script (<c>-f</c>) with prepared statements on <paramref name="database"/>; <paramref name="variables"/>
    /// are passed with <c>-D</c>. Failed transactions (a serialisation or deadlock error) are counted by pgbench, not retried.
    /// </summary>
    public ScriptRun RunPgbenchScript(string script, string database, int clients, int seconds, IReadOnlyDictionary<string, string> variables)
    {
        var args = new List<string> { "-n", "-f", script, "-M", "prepared", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2",
            "-T", seconds.ToString(CultureInfo.InvariantCulture) };
        foreach (var (name, value) in variables)
            args.AddRange(["-D", $"{name}={value}"]);
        args.Add(database);
        var output = RunTool(FindPgbench(), args, TimeSpan.FromSeconds(seconds + 120));
        var tps = TpsPattern().Match(output);
        if (!tps.Success)
            throw new InvalidOperationException("pgbench printed no tps line:\n" + output);
        var latency = LatencyPattern().Match(output);
        var processed = ProcessedPattern().Match(output);
        return new ScriptRun(double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture),
            latency.Success ? double.Parse(latency.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN,
            processed.Success ? long.Parse(processed.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
    }

    private string RunTool(string program, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-h", "127.0.0.1", "-p", Server.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres" }.Concat(args))
            info.ArgumentList.Add(arg);
        info.Environment["PGPASSWORD"] = File.ReadAllText(Server.PasswordFile).Trim();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {timeout}.");
        }
        var output = stdout.Result + stderr.Result;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}):\n{output}");
        return output;
    }

    private static string FindPgbench()
    {
        var pgCtl = (PostgresBinaries.Find() ?? throw new InvalidOperationException(PostgresBinaries.MissingMessage)).PgCtl;
        var beside = Path.Combine(Path.GetDirectoryName(pgCtl)!, "pgbench");
        if (File.Exists(beside))
            return beside;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, "pgbench")))
                return Path.Combine(dir, "pgbench");
        }
        throw new InvalidOperationException("pgbench not found beside pg_ctl or on PATH (Debian: apt-get install postgresql-client).");
    }

    public void Dispose() => _cluster.Dispose();

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsPattern();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex LatencyPattern();

    [GeneratedRegex(@"number of transactions actually processed: ([0-9]+)")]
    private static partial Regex ProcessedPattern();
}

public sealed record ScriptRun(double Tps, double LatencyMs, long Transactions);

public sealed record StatementCount(string Query, long Calls, double TotalMs);

public sealed record DbCounters(long Transactions, IReadOnlyDictionary<long, StatementCount> Statements)
{
    public long StatementCalls => Statements.Values.Sum(s => s.Calls);

    /// <summary>Per-statement deltas from <paramref name="before"/> to this snapshot, most called first.</summary>
    public IReadOnlyList<StatementCount> Since(DbCounters before) => Statements
        .Select(kv => kv.Value with
        {
            Calls = kv.Value.Calls - (before.Statements.TryGetValue(kv.Key, out var b) ? b.Calls : 0),
            TotalMs = kv.Value.TotalMs - (before.Statements.TryGetValue(kv.Key, out var c) ? c.TotalMs : 0),
        })
        .Where(s => s.Calls > 0)
        .OrderByDescending(s => s.Calls).ThenByDescending(s => s.TotalMs)
        .ToList();
}

/// <param name="CpuMsPerTransaction">The machine's busy processor time during the run (PostgreSQL and pgbench's client) per transaction.</param>
public sealed record PgbenchResult(double Tps, double LatencyMs, int Clients, int Seconds, int Scale, double CpuMsPerTransaction);
