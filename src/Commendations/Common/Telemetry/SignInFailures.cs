namespace Commendations.Common.Telemetry;

/// <summary>
/// Failed sign-ins on this node over the last 24 hours, counted per minute (1,440 counters, nothing per attempt), for the
/// operations page; the Prometheus counter (<see cref="OperationsMetrics"/>) is the figure to sum across nodes. Kept in
/// memory like the sign-in throttle: a restart forgets them, which the page says.
/// </summary>
public sealed class SignInFailures(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);
    private const int Buckets = 24 * 60;

    private readonly long[] _minutes = new long[Buckets];
    private readonly long[] _counts = new long[Buckets];
    private readonly Lock _lock = new();

    public void Record()
    {
        var minute = CurrentMinute();
        lock (_lock)
        {
            var slot = (int)(minute % Buckets);
            if (_minutes[slot] != minute)
            {
                _minutes[slot] = minute;
                _counts[slot] = 0;
            }
            _counts[slot]++;
        }
    }

    public long InLast24Hours()
    {
        var oldest = CurrentMinute() - Buckets + 1;
        lock (_lock)
        {
            long total = 0;
            for (var slot = 0; slot < Buckets; slot++)
            {
                if (_minutes[slot] >= oldest)
                    total += _counts[slot];
            }
            return total;
        }
    }

    private long CurrentMinute() => clock.GetUtcNow().ToUnixTimeSeconds() / 60;
}
