using System.Globalization;

namespace Commendations.Benchmarks.EndToEnd;

/// <summary>
/// PostgreSQL's own processor time, counted process by process (the postmaster and its children: backends, WAL writer,
/// checkpointer, autovacuum) rather than as "the machine minus the app": on a machine shared with other work the rest
/// of the machine is not PostgreSQL. A backend that exits between two readings loses its share; one born between them
/// counts whole — the pools of the nodes keep their connections, so both are rare in a load window (the run says how
/// many).
/// </summary>
public static class PostgresCpu
{
    public static int PostmasterId(BenchCluster cluster) =>
        int.Parse(File.ReadLines(Path.Combine(cluster.Server.DataDirectory, "postmaster.pid")).First().Trim(), CultureInfo.InvariantCulture);

    /// <summary>The postmaster and its children now.</summary>
    public static IReadOnlyList<int> Processes(BenchCluster cluster)
    {
        var postmaster = PostmasterId(cluster);
        return [postmaster, .. NginxProxy.Children(postmaster)];
    }

    /// <summary>
    /// Processor time of the processes born after <paramref name="before"/> was listed (they ran only since), for what a
    /// window's per-process deltas of <paramref name="before"/> missed.
    /// </summary>
    public static (double Ms, int Count) BornSince(BenchCluster cluster, IReadOnlyList<int> before)
    {
        var born = Processes(cluster).Except(before).ToList();
        return (born.Select(CpuMeter.ProcessMs).Where(ms => !double.IsNaN(ms)).Sum(), born.Count);
    }
}
