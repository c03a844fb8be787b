using Commendations.Seeding;

namespace Commendations.Benchmarks.EndToEnd;

/// <summary>
/// Issue 20, item 4: the same approvals over HTTP (<see cref="ApprovalLoad"/>, same clients, same seconds) through nginx
/// to one web node, then to two, on one PostgreSQL — the benchmark's durable cluster, a database of its own. Per
/// configuration: approvals/s, latency, processor time per approval of the nodes, nginx, the driver and PostgreSQL; the
/// Quartz statements the window ran (pg_stat_statements, target 0 per approval: deadlines are rows, so an approval never
/// writes Quartz; a route's wait still does, through the dispatcher) beside those the same nodes run idle over as many seconds (check-ins, polling); the outbox rows
/// processed per approval; and how many requests each node served. Then what the database grew by per nomination and
/// per approval (rows, bytes with indexes, WAL), the figures RESULTS.md's capacity model scales.
/// </summary>
public static class NodesScenario
{
    public const string Suite = "approvals-nodes";
    public const string Database = "bench_nodes";

    public static async Task<NodesReport.Summary> RunAsync(BenchCluster cluster, int clients, int nominations, int seconds, TextWriter log)
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
            NodesReport.PrintRun(run, log);
            runs.Add(run);
        }

        var end = await DatabaseFootprint.TakeAsync(cluster, Database);
        NodesReport.PrintGrowth(log, "per nomination submitted (create, two 50-byte PDFs, submit)", submissionGrowth, submitted, "nomination");
        var closed = approvalGrowth.Sum(g => g.After.ClosedTasks - g.Before.ClosedTasks);
        NodesReport.PrintGrowth(log, "per approval (task closed: warm-ups included; the dispatcher's and sweeps' writes in the same time too)", approvalGrowth, closed, "approval");
        log.WriteLine($"  database {Database} at the end: {end.DatabaseBytes / 1048576.0:F0} MB; largest tables (rows, bytes with indexes and TOAST, bytes per row):");
        foreach (var t in end.Tables.Values.OrderByDescending(t => t.Bytes).Take(14))
            log.WriteLine($"    {t.Table,-28} {t.Rows,9:N0} rows {t.Bytes / 1048576.0,8:F1} MB {t.BytesPerRow,8:F0} B/row");
        log.WriteLine("  Quartz's store at the end (jobs and triggers per group): " + await QuartzStoreAsync(app));
        return NodesReport.Summarise(runs);
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

    internal static bool IsQuartz(StatementCount statement) => statement.Query.Contains("qrtz_", StringComparison.OrdinalIgnoreCase);

    private static async Task<long> HeadTasksAsync(AppDatabase app, BenchUser head)
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM workflow_tasks WHERE status = 'Open' AND assignee_user_id = @u", connection);
        command.Parameters.AddWithValue("u", head.Id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
