using System.Globalization;

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

/// <summary>What <see cref="NodesScenario"/> prints: each configuration's lines, the growth of the database, the table rows and verdicts.</summary>
public static class NodesReport
{
    /// <summary>More Quartz statements in the window than idle, per approval, still counted as "none caused": a per-task job would be ≥ 1.</summary>
    private const double QuartzNoise = 0.01;

    public sealed record Summary(IReadOnlyList<string[]> Table, IReadOnlyList<string> Verdicts);

    public static Summary Summarise(IReadOnlyList<NodesRun> runs)
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
            table.Add([$"{NodesScenario.Suite}: {label} behind nginx ({r.Clients} clients)", $"{r.PerSecond:F0} /s", $"p50 {p50:F1} ms, p99 {p99:F1} ms",
                $"{r.PerSecond / one:F2} × one node; CPU/approval web {run.WebMs:F2} ms, PostgreSQL {run.PostgresMs:F2} ms; " +
                $"Quartz {quartzPerApproval:F3} stmt/approval (target 0); outbox {r.Outbox.Processed / (double)r.Approvals:F2} processed/approval; load {run.LoadAverage}"]);
            verdicts.Add($"{NodesScenario.Suite} ({label}): {r.PerSecond:F0} approvals/s = {r.PerSecond / one:F2} × one node, p99 {p99:F1} ms; web CPU {run.WebMs:F2} ms/approval " +
                         $"(over {run.Nodes} node(s)), PostgreSQL {run.PostgresMs:F2} ms/approval; Quartz statements {quartzPerApproval:F3}/approval, " +
                         $"{caused:F3} beyond idle, {run.QuartzJobsPerApproval:F3} Quartz jobs stored per approval (target 0) — {Stats.Met(caused < QuartzNoise && run.QuartzJobsPerApproval == 0)}; requests per node {string.Join(" / ", run.RequestsPerNode.Values)}; load average {run.LoadAverage}");
        }
        return new Summary(table, verdicts);
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
        foreach (var s in r.TopStatements.Where(NodesScenario.IsQuartz).OrderByDescending(s => s.Calls).Take(8))
            log.WriteLine($"      {s.Calls,6} calls  {OneLine(s.Query)}");
        log.WriteLine($"    outbox per approval: {r.Outbox.Written / (double)r.Approvals:F2} written, {r.Outbox.Processed / (double)r.Approvals:F2} processed; " +
                      $"pending {r.Outbox.PendingAtStart} → {r.Outbox.PendingAtEnd}");
        log.WriteLine($"    requests per node (nginx's access log, sign-in and warm-ups included): " +
                      string.Join(", ", run.RequestsPerNode.Select(kv => $"{kv.Key} {kv.Value:N0}")));
        log.WriteLine($"    {r.TransactionsPerApproval:F2} transactions, {r.StatementsPerApproval:F1} statements per approval; load average {run.LoadAverage}");
    }

    public static void PrintGrowth(TextWriter log, string what, IReadOnlyList<(DatabaseFootprint Before, DatabaseFootprint After)> phases, double units, string unit)
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

    private static string OneLine(string sql)
    {
        var line = string.Join(' ', sql.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length > 140 ? line[..140] + " …" : line;
    }
}
