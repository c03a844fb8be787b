using System.Diagnostics;

namespace Commendations.Benchmarks.EndToEnd;

/// <summary>The lightest request of the API under the same clients, for scale beside an approval's CPU.</summary>
public sealed record RequestFloorResult(long Requests, double Seconds, double WebCpuMsPerRequest, double P50Ms, double P99Ms)
{
    public double PerSecond => Requests / Seconds;
}

/// <summary>
/// What any API request costs the web process before it does its own work: the same signed-in clients read their unread
/// notification count (bearer token, session check, authorization, routing, one indexed COUNT, a JSON number) as fast
/// as they can, and the web process's CPU per request is read from /proc. An approval cannot cost the web process less
/// than this plus its own reads, engine run and writes.
/// </summary>
public static class RequestFloor
{
    public static async Task<RequestFloorResult> RunAsync(HttpApprovalChannel channel, int clients, int webProcessId, TimeSpan window)
    {
        var stop = new CancellationTokenSource();
        var measuring = 0;
        long requests = 0;
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();

        async Task Loop(int member)
        {
            while (!stop.IsCancellationRequested)
            {
                var began = Stopwatch.GetTimestamp();
                await channel.UnreadCountAsync(member);
                if (Volatile.Read(ref measuring) == 1)
                {
                    Interlocked.Increment(ref requests);
                    latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                }
            }
        }

        var loops = Enumerable.Range(0, clients).Select(m => Task.Run(() => Loop(m))).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(2)); // warm-up: the endpoint compiled, its statement prepared on each connection
        var cpuBefore = CpuMeter.ProcessMs(webProcessId);
        var watch = Stopwatch.StartNew();
        Volatile.Write(ref measuring, 1);
        await Task.Delay(window);
        Volatile.Write(ref measuring, 0);
        var seconds = watch.Elapsed.TotalSeconds;
        var cpu = CpuMeter.ProcessMs(webProcessId) - cpuBefore;
        await stop.CancelAsync();
        await Task.WhenAll(loops);
        var sorted = latencies.Order().ToList();
        return new RequestFloorResult(requests, seconds, requests == 0 ? double.NaN : cpu / requests, Stats.Percentile(sorted, 50), Stats.Percentile(sorted, 99));
    }
}
