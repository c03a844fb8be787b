using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Features.Nominations;

namespace Commendations.Benchmarks.EndToEnd;

/// <summary>How one committee member reads their inbox and approves a task: over HTTP or through MediatR.</summary>
public interface IApprovalChannel
{
    Task<IReadOnlyList<Guid>> InboxAsync(int member);
    Task ApproveAsync(int member, Guid taskId);
}

/// <summary>Through the REST API of the running web process, with each member's bearer token.</summary>
public sealed class HttpApprovalChannel : IApprovalChannel, IDisposable
{
    private readonly HttpClient _client;
    private readonly string[] _tokens;

    private HttpApprovalChannel(HttpClient client, string[] tokens)
    {
        _client = client;
        _tokens = tokens;
    }

    public static async Task<HttpApprovalChannel> SignInAsync(Uri baseAddress, IReadOnlyList<BenchUser> members, string password)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var tokens = new string[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = members[i].UserName, password });
            response.EnsureSuccessStatusCode();
            tokens[i] = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!;
        }
        return new HttpApprovalChannel(client, tokens);
    }

    public async Task<IReadOnlyList<Guid>> InboxAsync(int member)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tasks/inbox");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[member]);
        using var response = await _client.SendAsync(request);
        await EnsureAsync(response);
        var items = await response.Content.ReadFromJsonAsync<JsonArray>();
        return items!.Select(t => t!["taskId"]!.GetValue<Guid>()).ToList();
    }

    public async Task ApproveAsync(int member, Guid taskId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/actions")
        {
            Content = JsonContent.Create(new { action = "approve", comment = (string?)null }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[member]);
        using var response = await _client.SendAsync(request);
        await EnsureAsync(response);
    }

    /// <summary>The lightest authenticated read (<see cref="RequestFloor"/>).</summary>
    public async Task UnreadCountAsync(int member)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/notifications/unread-count");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[member]);
        using var response = await _client.SendAsync(request);
        await EnsureAsync(response);
        await response.Content.ReadAsStringAsync();
    }

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>The same use cases sent in process (GetInbox, ActOnTask), one DI scope per call like one request.</summary>
public sealed class InProcessApprovalChannel(AppDatabase app, IReadOnlyList<BenchUser> members) : IApprovalChannel
{
    public async Task<IReadOnlyList<Guid>> InboxAsync(int member) =>
        (await app.SendAs(members[member], new GetInbox())).Select(i => i.TaskId).ToList();

    public Task ApproveAsync(int member, Guid taskId) => app.SendAs(members[member], new ActOnTask(taskId, "approve", null));
}

public sealed record ApprovalRunResult(
    int Clients, double Seconds, long Approvals, long InboxReads, double[] LatenciesMs, double[] InboxLatenciesMs,
    long Transactions, long Statements, IReadOnlyList<StatementCount> TopStatements, bool EndedByDryPipeline, int Errors, CpuMeter.Sample Cpu,
    OutboxWindow Outbox, long AllocatedBytes)
{
    /// <summary>The web process's runtime counters over the window (zero in process, or when its endpoint did not answer).</summary>
    public WebRuntimeCounters Web { get; init; } = WebRuntimeCounters.Zero;

    public double PerSecond => Approvals / Seconds;
    public double TransactionsPerApproval => (double)Transactions / Approvals;
    public double StatementsPerApproval => (double)Statements / Approvals;

    /// <summary>Bytes this (driver) process allocated per approval: in process, the application's own allocations with the driver's.</summary>
    public double AllocatedKbPerApproval => AllocatedBytes / 1024.0 / Approvals;
}

/// <summary>
/// N committee members (rank 1..N of a sequential-approval committee), each in its own loop: read the inbox, approve
/// every task in it (each approval opens the next member's task), read again. Measured over a fixed window after a
/// warm-up, or until the first member's inbox runs dry (the pipeline's head has nothing left).
/// </summary>
public static class ApprovalLoad
{
    /// <param name="appProcesses">Processes whose CPU is reported apart from PostgreSQL's (this driver first).</param>
    public static async Task<ApprovalRunResult> RunAsync(IApprovalChannel channel, int clients, BenchCluster cluster, string database,
        TimeSpan warmup, TimeSpan window, TextWriter log, params int[] appProcesses) =>
        await RunAsync(channel, clients, cluster, database, warmup, window, log, null, appProcesses);

    /// <param name="webCounters">Reads the web process's runtime counters at the window's start and end (over HTTP).</param>
    public static async Task<ApprovalRunResult> RunAsync(IApprovalChannel channel, int clients, BenchCluster cluster, string database,
        TimeSpan warmup, TimeSpan window, TextWriter log, Func<Task<WebRuntimeCounters>>? webCounters, params int[] appProcesses)
    {
        var stop = new CancellationTokenSource();
        var measuring = 0;
        long approvals = 0, inboxReads = 0;
        var errors = 0;
        var latencies = new ConcurrentBag<double>();
        var inboxLatencies = new ConcurrentBag<double>();
        var headDry = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failures = new ConcurrentQueue<string>();

        async Task MemberLoop(int member)
        {
            while (!stop.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                IReadOnlyList<Guid> inbox;
                try
                {
                    inbox = await channel.InboxAsync(member);
                }
                catch (Exception ex) when (!stop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref errors);
                    failures.Enqueue(ex.Message);
                    continue;
                }
                if (Volatile.Read(ref measuring) == 1)
                {
                    Interlocked.Increment(ref inboxReads);
                    inboxLatencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                if (inbox.Count == 0)
                {
                    if (member == 0)
                        headDry.TrySetResult();
                    await Task.Delay(20);
                    continue;
                }
                foreach (var taskId in inbox)
                {
                    if (stop.IsCancellationRequested)
                        return;
                    var began = Stopwatch.GetTimestamp();
                    var counted = Volatile.Read(ref measuring) == 1;
                    try
                    {
                        await channel.ApproveAsync(member, taskId);
                    }
                    catch (Exception ex) when (!stop.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref errors);
                        failures.Enqueue(ex.Message);
                        continue;
                    }
                    if (counted && Volatile.Read(ref measuring) == 1)
                    {
                        Interlocked.Increment(ref approvals);
                        latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                    }
                }
            }
        }

        var loops = Enumerable.Range(0, clients).Select(m => Task.Run(() => MemberLoop(m))).ToArray();
        var warm = await Task.WhenAny(Task.Delay(warmup), headDry.Task);
        if (warm == headDry.Task)
            throw new InvalidOperationException("The first committee member ran out of tasks during the warm-up: prepare more nominations (--nominations).");

        var before = await cluster.CountersAsync(database);
        var outboxBefore = await cluster.OutboxAsync(database);
        var webBefore = webCounters is null ? WebRuntimeCounters.Zero : await webCounters();
        var cpuBefore = CpuMeter.Take(appProcesses);
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();
        Volatile.Write(ref measuring, 1);
        var ended = await Task.WhenAny(Task.Delay(window), headDry.Task);
        Volatile.Write(ref measuring, 0);
        var seconds = watch.Elapsed.TotalSeconds;
        var cpu = CpuMeter.Take(appProcesses).Since(cpuBefore);
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var web = webCounters is null ? WebRuntimeCounters.Zero : (await webCounters()).Since(webBefore);
        var after = await cluster.CountersAsync(database);
        var outboxAfter = await cluster.OutboxAsync(database);
        await stop.CancelAsync();
        await Task.WhenAll(loops);
        foreach (var failure in failures.Take(3))
            log.WriteLine("  error: " + failure);

        return new ApprovalRunResult(clients, seconds, approvals, inboxReads, [.. latencies.Order()], [.. inboxLatencies.Order()],
            after.Transactions - before.Transactions, after.StatementCalls - before.StatementCalls, after.Since(before),
            ended == headDry.Task, errors, cpu, OutboxWindow.Between(outboxBefore, outboxAfter), allocated) { Web = web };
    }
}

/// <summary>The outbox over a measured window: messages written and processed in it, and those left pending at its ends.</summary>
public sealed record OutboxWindow(long Written, long Processed, long PendingAtStart, long PendingAtEnd)
{
    public static OutboxWindow Between(OutboxCounts before, OutboxCounts after) =>
        new(after.LastId - before.LastId, after.Processed - before.Processed, before.Pending, after.Pending);

    /// <summary>The dispatcher kept up when the window left no more pending than it found (a batch in flight allowed).</summary>
    public bool KeptUp(int slack) => PendingAtEnd <= PendingAtStart + slack;
}

public sealed record OutboxCounts(long LastId, long Processed, long Pending);
