using System.Globalization;

namespace Commendations.Benchmarks.EndToEnd;

/// <summary>
/// Processor time read from Linux's /proc: the whole machine's busy time and given processes' own. Run on a quiet
/// machine, the machine's busy time minus the app's processes is PostgreSQL's (its backends come and go, so they are not
/// counted one by one). Used to say where an approval's CPU goes beside what pgbench's transaction costs.
/// </summary>
public static class CpuMeter
{
    private const double MsPerTick = 10; // USER_HZ is 100 on Linux

    public sealed record Sample(double MachineBusyMs, IReadOnlyList<double> ProcessMs)
    {
        public Sample Since(Sample before) =>
            new(MachineBusyMs - before.MachineBusyMs, ProcessMs.Select((ms, i) => ms - before.ProcessMs[i]).ToList());
    }

    public static Sample Take(params int[] processIds) => new(MachineBusyMs(), processIds.Select(ProcessMs).ToList());

    /// <summary>user + nice + system + irq + softirq + steal of the "cpu" line (idle and iowait are not busy).</summary>
    public static double MachineBusyMs()
    {
        if (!File.Exists("/proc/stat"))
            return double.NaN;
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
        return (Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8)) * MsPerTick;
    }

    /// <summary>utime + stime of a process (fields 14 and 15 of /proc/PID/stat, counted after the command's closing parenthesis).</summary>
    public static double ProcessMs(int processId)
    {
        var path = $"/proc/{processId}/stat";
        if (!File.Exists(path))
            return double.NaN;
        var text = File.ReadAllText(path);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * MsPerTick;
    }
}
