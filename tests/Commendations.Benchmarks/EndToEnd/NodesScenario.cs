using System.Globalization;
using Commendations.Seeding;

namespace Commendations.Benchmarks.EndToEnd;

/// <summary>One configuration's figures: the load's result and where its processor time went, per approval.</summary>
public sealed record NodesRun(
    int Nodes, ApprovalRunResult Load, double WebMs, IReadOnlyList<double> WebMsPerNode, double ProxyMs, double DriverMs, double PostgresMs,
    double RestOfMachineMs, long QuartzStatements, long IdleQuartzStatements, double IdleWebMsPerSecond, IReadOnlyDictionary<string, long> RequestsPerNode,
    string LoadAverage)
{
    /// <summary>Quartz jobs stored per task closed while this configuration ran (set once its growth is known).</summary>
    public double QuartzJobsPerApproval { get; init; } = double.NaN;
}

/// <summary>
/// Issue 20, item 4: the same approvals over HTTP (<see cref="ApprovalLoad"/>, same clients, same seconds) through nginx
/// to one web node, then to two, on one PostgreSQL — the benchmark's durable cluster, a database of its own. Per
/// configuration: approvals/s, latency, processor time per approval of the nodes, nginx, the driver and PostgreSQL; the
/// Quartz statements the window ran (pg_stat_statements, target 0 per approval: deadlines are rows, so an approval never
/// writes Quartz) beside those the same nodes run idle over as many seconds (check-ins, polling); the outbox rows
/// processed per approval; and how many requests each node served. Then what the database grew by per nomination and
/// per approval (rows, bytes with indexes, WAL), the figures RESULTS.md's capacity model scales.
/// </summary>
public static class NodesScenario
{
    public const string Suite = "approvals-nodes";
    public const string Database = "bench_nodes";

    /// <summary>More Quartz statements in the window than idle, per approval, still counted as "none caused": a per-task job would be ≥ 1.</summary>
    private const double QuartzNoise = 0.01;

    public sealed record Report(IReadOnlyList<string[]> Table, IReadOnlyList<string> Verdicts);

    public static async Task<Report> RunAsync(BenchCluster cluster, int clients, int nominations, int seconds, TextWriter log)
    {
        log.WriteLine($"{Suite}: application database {Database} (migrate, reference data, demo data, open campaign, {clients} committee members) ...");
        await using var app = await AppDatabase.CreateAsync(cluster, Database);
        var members = await app.EnsureCommitteeMembersAsync(clients);
        var officer = await app.UserAsync(DemoAccounts.OfficerTanHoa.UserName);
        var campaign = await app.EnsureOpenCampaignAsync();

        var submitted = 0;
        var submissionGrowth = new List<(DatabaseFootprint Before, DatabaseFootprint After)>();
        var approvalGrowth = new List<(DatabaseFootprint Before, DatabaseFootprint After)>();
        var runs = new List<NodesRun>();
        foreach (var nodes in new[] { 1, 2 })
        {
            // The head of the committee needs a task per nomination it approves: a window's approvals / clients, with room.
            var waiting = await HeadTasksAsync(app, members[0]);
            if (waiting < nominations / 2)
            {
                log.WriteLine($"  submitting {nominations} nominations through the use cases ({waiting} waiting at the committee's head) ...");
                var before = await DatabaseFootprint.TakeAsync(cluster, Database);
                var elapsed = await app.SubmitNominationsAsync(officer, campaign, nominations, 4, log);
                submissionGrowth.Add((before, await DatabaseFootprint.TakeAsync(cluster, Database)));
                submitted += nominations;
                log.WriteLine($"  {nominations} nominations submitted in {elapsed.TotalSeconds:F1} s");
            }
            var start = await DatabaseFootprint.TakeAsync(cluster, Database);
            var run = await RunConfigurationAsync(cluster, app, members, nodes, seconds, log);
            var after = await DatabaseFootprint.TakeAsync(cluster, Database);
            approvalGrowth.Add((start, after));
            run = run with { QuartzJobsPerApproval = QuartzJobsAdded(start, after) / (double)Math.Max(1, after.ClosedTasks - start.ClosedTasks) };
            PrintRun(run, log);
            runs.Add(run);
        }

        var end = await DatabaseFootprint.TakeAsync(cluster, Database);
        PrintGrowth(log, "per nomination submitted (create, two 50-byte PDFs, submit)", submissionGrowth, submitted, "nomination");
        var closed = approvalGrowth.Sum(g => g.After.ClosedTasks - g.Before.ClosedTasks);
        PrintGrowth(log, "per approval (task closed: warm-ups included; the dispatcher's and sweeps' writes in the same time too)", approvalGrowth, closed, "approval");
        log.WriteLine($"  database {Database} at the end: {end.DatabaseBytes / 1048576.0:F0} MB; largest tables (rows, bytes with indexes and TOAST, bytes per row):");
        foreach (var t in end.Tables.Values.OrderByDescending(t => t.Bytes).Take(14))
            log.WriteLine($"    {t.Table,-28} {t.Rows,9:N0} rows {t.Bytes / 1048576.0,8:F1} MB {t.BytesPerRow,8:F0} B/row");
        log.WriteLine("  Quartz's store at the end (jobs and triggers per group): " + await QuartzStoreAsync(app));
        return Summarise(runs);
    }

    /// <summary>Jobs and triggers per group in Quartz's tables: per-task work would show as a group growing with the approvals.</summary>
    private static async Task<string> QuartzStoreAsync(AppDatabase app)
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("""
            SELECT 'jobs ' || job_group, count(*) FROM qrtz_job_details GROUP BY job_group
            UNION ALL SELECT 'triggers ' || trigger_group, count(*) FROM qrtz_triggers GROUP BY trigger_group ORDER BY 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var groups = new List<string>();
        while (await reader.ReadAsync())
            groups.Add($"{reader.GetString(0)} {reader.GetInt64(1)}");
        return string.Join(", ", groups);
    }

    private static async Task<NodesRun> RunConfigurationAsync(BenchCluster cluster, AppDatabase app, IReadOnlyList<BenchUser> members, int count, int seconds, TextWriter log)
    {
        var loadAverage = LoadAverage();
        log.WriteLine($"  {count} web node(s) behind nginx (load average {loadAverage}) ...");
        var nodes = new List<WebProcess>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                // Every client signs in from this one address: more than the 40 a minute a real address may.
                nodes.Add(await WebProcess.StartAsync(app.ConnectionString, TimeSpan.FromSeconds(90),
                    new Dictionary<string, string> { ["SignIn__PermitsPerIp"] = "100000", ["SignIn__PermitsPerAccount"] = "100000" }));
            }
            using var proxy = await NginxProxy.StartAsync(nodes.Select(n => n.Address).ToList(), TimeSpan.FromSeconds(10));
            log.WriteLine($"    nodes {string.Join(", ", nodes.Select(n => $"{n.ProcessId} at {n.Address.Authority} (ready in {n.TimeToReady.TotalSeconds:F1} s)"))}; nginx at {proxy.Address.Authority}");

            // The previous configuration's backlog is this one's nodes' work: let them finish it first, so neither the idle
            // count nor the load starts with another window's messages (the submissions' and the last run's hand-overs).
            await DrainOutboxAsync(cluster, TimeSpan.FromMinutes(3), log);
            // What the nodes ask of Quartz with nothing to do (check-ins, trigger polling, the sweeps' own triggers), over as long as the load.
            var idleBefore = await cluster.CountersAsync(Database);
            var idleCpu = CpuMeter.Take([.. nodes.Select(n => n.ProcessId)]);
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            var idleQuartz = QuartzCalls((await cluster.CountersAsync(Database)).Since(idleBefore));
            var idleWebMsPerSecond = CpuMeter.Take([.. nodes.Select(n => n.ProcessId)]).Since(idleCpu).ProcessMs.Sum() / seconds;

            using var channel = await HttpApprovalChannel.SignInAsync(proxy.Address, members, DemoAccounts.Password);
            // A short unmeasured run first, so the nodes' connection pools (and so PostgreSQL's backends) are open when listed.
            await ApprovalLoad.RunAsync(channel, members.Count, cluster, Database, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TextWriter.Null);
            var backends = PostgresCpu.Processes(cluster);
            var proxyIds = proxy.ProcessIds;
            int[] measured = [Environment.ProcessId, .. nodes.Select(n => n.ProcessId), .. proxyIds, .. backends];
            log.WriteLine($"    {members.Count} clients approving through nginx: warm-up 3 s, then {seconds} s ...");
            var r = await ApprovalLoad.RunAsync(channel, members.Count, cluster, Database, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(seconds), log, measured);
            var born = PostgresCpu.BornSince(cluster, backends);

            double Sum(int from, int length) => r.Cpu.ProcessMs.Skip(from).Take(length).Where(ms => !double.IsNaN(ms)).Sum();
            var perNode = Enumerable.Range(1, count).Select(i => Sum(i, 1) / r.Approvals).ToList();
            var proxyMs = Sum(1 + count, proxyIds.Count) / r.Approvals;
            var postgresMs = (Sum(1 + count + proxyIds.Count, backends.Count) + born.Ms) / r.Approvals;
            var driverMs = Sum(0, 1) / r.Approvals;
            var rest = r.Cpu.MachineBusyMs / r.Approvals - perNode.Sum() - proxyMs - postgresMs - driverMs;
            if (born.Count > 0)
                log.WriteLine($"    {born.Count} PostgreSQL process(es) started during the load: counted whole ({born.Ms:F0} ms)");
            return new NodesRun(count, r, perNode.Sum(), perNode, proxyMs, driverMs, postgresMs, rest, QuartzCalls(r.TopStatements), idleQuartz, idleWebMsPerSecond,
                proxy.RequestsPerNode(), $"{loadAverage} → {LoadAverage()}");
        }
        finally
        {
            foreach (var node in nodes)
                node.Dispose();
        }
    }

    private static async Task DrainOutboxAsync(BenchCluster cluster, TimeSpan limit, TextWriter log)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var pending = (await cluster.OutboxAsync(Database)).Pending;
        var found = pending;
        while (pending > 0 && watch.Elapsed < limit)
        {
            await Task.Delay(500);
            pending = (await cluster.OutboxAsync(Database)).Pending;
        }
        log.WriteLine(pending == 0
            ? $"    outbox drained by the nodes: {found} pending messages in {watch.Elapsed.TotalSeconds:F0} s"
            : $"    outbox not drained within {limit.TotalSeconds:F0} s: {pending} of {found} messages still pending");
    }

    /// <summary>Statements on Quartz's tables (<c>qrtz_*</c>): the job store's own work, not the jobs' (the sweeps are the app's SQL).</summary>
    private static long QuartzCalls(IEnumerable<StatementCount> statements) =>
        statements.Where(IsQuartz).Sum(s => s.Calls);

    private static long QuartzJobsAdded(DatabaseFootprint before, DatabaseFootprint after) =>
        after.Tables.GetValueOrDefault("qrtz_job_details")?.Rows - before.Tables.GetValueOrDefault("qrtz_job_details")?.Rows ?? 0;

    private static bool IsQuartz(StatementCount statement) => statement.Query.Contains("qrtz_", StringComparison.OrdinalIgnoreCase);

    private static string OneLine(string sql)
    {
        var line = string.Join(' ', sql.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length > 140 ? line[..140] + " …" : line;
    }

    private static async Task<long> HeadTasksAsync(AppDatabase app, BenchUser head)
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM workflow_tasks WHERE status = 'Open' AND assignee_user_id = @u", connection);
        command.Parameters.AddWithValue("u", head.Id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static Report Summarise(IReadOnlyList<NodesRun> runs)
    {
        var table = new List<string[]>();
        var verdicts = new List<string>();
        var one = runs[0].Load.PerSecond;
        foreach (var run in runs)
        {
            var r = run.Load;
            var p50 = Stats.Percentile(r.LatenciesMs, 50);
            var p99 = Stats.Percentile(r.LatenciesMs, 99);
            var quartzPerApproval = run.QuartzStatements / (double)r.Approvals;
            var caused = (run.QuartzStatements - run.IdleQuartzStatements) / (double)r.Approvals;
            var label = run.Nodes == 1 ? "1 web node" : $"{run.Nodes} web nodes";
            table.Add([$"{Suite}: {label} behind nginx ({r.Clients} clients)", $"{r.PerSecond:F0} /s", $"p50 {p50:F1} ms, p99 {p99:F1} ms",
                $"{r.PerSecond / one:F2} × one node; CPU/approval web {run.WebMs:F2} ms, PostgreSQL {run.PostgresMs:F2} ms; " +
                $"Quartz {quartzPerApproval:F3} stmt/approval (target 0); outbox {r.Outbox.Processed / (double)r.Approvals:F2} processed/approval; load {run.LoadAverage}"]);
            verdicts.Add($"{Suite} ({label}): {r.PerSecond:F0} approvals/s = {r.PerSecond / one:F2} × one node, p99 {p99:F1} ms; web CPU {run.WebMs:F2} ms/approval " +
                         $"(over {run.Nodes} node(s)), PostgreSQL {run.PostgresMs:F2} ms/approval; Quartz statements {quartzPerApproval:F3}/approval, " +
                         $"{caused:F3} beyond idle, {run.QuartzJobsPerApproval:F3} Quartz jobs stored per approval (target 0) — {Stats.Met(caused < QuartzNoise && run.QuartzJobsPerApproval == 0)}; requests per node {string.Join(" / ", run.RequestsPerNode.Values)}; load average {run.LoadAverage}");
        }
        return new Report(table, verdicts);
    }

    public static void PrintRun(NodesRun run, TextWriter log)
    {
        var r = run.Load;
        log.WriteLine($"    {r.Approvals} approvals in {r.Seconds:F1} s = {r.PerSecond:F0}/s{(r.EndedByDryPipeline ? " (ended early: the head's inbox ran dry)" : "")}, {r.Errors} errors; " +
                      $"p50 {Stats.Percentile(r.LatenciesMs, 50):F1} ms, p99 {Stats.Percentile(r.LatenciesMs, 99):F1} ms");
        log.WriteLine($"    CPU per approval: web {run.WebMs:F2} ms ({string.Join(" + ", run.WebMsPerNode.Select(ms => ms.ToString("F2", CultureInfo.InvariantCulture)))}), " +
                      $"nginx {run.ProxyMs:F2} ms, driver {run.DriverMs:F2} ms, PostgreSQL {run.PostgresMs:F2} ms, rest of the machine {run.RestOfMachineMs:F2} ms " +
                      $"(machine busy {r.Cpu.MachineBusyMs / r.Approvals:F2} ms); the node(s) idle: {run.IdleWebMsPerSecond:F0} ms of CPU per second in all");
        log.WriteLine($"    Quartz statements (qrtz_*) in the window: {run.QuartzStatements} = {run.QuartzStatements / (double)r.Approvals:F3} per approval, target 0; " +
                      $"the same nodes idle over as many seconds: {run.IdleQuartzStatements}; Quartz jobs stored per approval: {run.QuartzJobsPerApproval:F3}");
        foreach (var s in r.TopStatements.Where(IsQuartz).OrderByDescending(s => s.Calls).Take(8))
            log.WriteLine($"      {s.Calls,6} calls  {OneLine(s.Query)}");
        log.WriteLine($"    outbox per approval: {r.Outbox.Written / (double)r.Approvals:F2} written, {r.Outbox.Processed / (double)r.Approvals:F2} processed; " +
                      $"pending {r.Outbox.PendingAtStart} → {r.Outbox.PendingAtEnd}");
        log.WriteLine($"    requests per node (nginx's access log, sign-in and warm-ups included): " +
                      string.Join(", ", run.RequestsPerNode.Select(kv => $"{kv.Key} {kv.Value:N0}")));
        log.WriteLine($"    {r.TransactionsPerApproval:F2} transactions, {r.StatementsPerApproval:F1} statements per approval; load average {run.LoadAverage}");
    }

    private static void PrintGrowth(TextWriter log, string what, IReadOnlyList<(DatabaseFootprint Before, DatabaseFootprint After)> phases, double units, string unit)
    {
        if (phases.Count == 0 || units <= 0)
            return;
        var wal = phases.Sum(p => p.After.WalBytes - p.Before.WalBytes);
        var syncs = phases.Sum(p => p.After.WalSyncs - p.Before.WalSyncs);
        log.WriteLine($"  growth {what}: {units:F0} {unit}s; WAL {wal / units:F0} B/{unit}, {syncs / units:F2} WAL flushes/{unit}");
        var tables = phases.SelectMany(p => p.After.GrowthSince(p.Before)).GroupBy(t => t.Table)
            .Select(g => new TableSize(g.Key, g.Sum(t => t.Rows), g.Sum(t => t.Bytes))).OrderByDescending(t => t.Bytes).Take(14);
        foreach (var t in tables)
            log.WriteLine($"    {t.Table,-28} {t.Rows / units,8:F2} rows/{unit} {t.Bytes / units,10:F0} B/{unit}");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
