namespace Commendations.Benchmarks.EndToEnd;

public static class Stats
{
    /// <summary>Nearest-rank percentile of an ascending array.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percent)
    {
        if (sorted.Count == 0)
            return double.NaN;
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static string Met(bool met) => met ? "met" : "MISSED";
}
