using System.Globalization;
using System.Net.Http.Headers;

namespace Commendations.Benchmarks.EndToEnd;

/// <summary>
/// The web process's own runtime counters (the built-in <c>System.Runtime</c> meter, read from its Prometheus endpoint with
/// the benchmark's scrape token): bytes allocated, collections and GC pause time. Unlike CPU time, allocations per approval
/// do not move with the machine's load, so a change to the approval's allocations shows even on a shared machine.
/// </summary>
public sealed record WebRuntimeCounters(double AllocatedBytes, double Gen0, double Gen1, double Gen2, double PauseSeconds)
{
    /// <summary>The token the benchmark's web processes are started with (<c>Telemetry__Prometheus__ScrapeToken</c>).</summary>
    public const string ScrapeToken = "benchmark-scrape-token";

    public static readonly WebRuntimeCounters Zero = new(0, 0, 0, 0, 0);

    public WebRuntimeCounters Since(WebRuntimeCounters before) =>
        new(AllocatedBytes - before.AllocatedBytes, Gen0 - before.Gen0, Gen1 - before.Gen1, Gen2 - before.Gen2, PauseSeconds - before.PauseSeconds);

    /// <summary>Zero when the endpoint does not answer (a build without it): the report then leaves the figures out.</summary>
    public static async Task<WebRuntimeCounters> ScrapeAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeToken);
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            return Zero;
        var text = await response.Content.ReadAsStringAsync();
        double allocated = 0, gen0 = 0, gen1 = 0, gen2 = 0, pause = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('#') || line.Length == 0)
                continue;
            var name = line[..line.IndexOfAny(['{', ' '])];
            // name{labels} value [timestamp]
            var rest = line[(line.IndexOf('}') is var brace and >= 0 ? brace + 1 : name.Length)..].Trim();
            if (!double.TryParse(rest.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                continue;
            switch (name)
            {
                case "dotnet_gc_heap_total_allocated_bytes_total":
                    allocated += value;
                    break;
                case "dotnet_gc_pause_time_seconds_total":
                    pause += value;
                    break;
                case "dotnet_gc_collections_total":
                    if (line.Contains("gen0", StringComparison.Ordinal)) gen0 += value;
                    else if (line.Contains("gen1", StringComparison.Ordinal)) gen1 += value;
                    else if (line.Contains("gen2", StringComparison.Ordinal)) gen2 += value;
                    break;
            }
        }
        return new WebRuntimeCounters(allocated, gen0, gen1, gen2, pause);
    }
}
