using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Commendations.Infrastructure.Postgres;

namespace Commendations.Benchmarks.EndToEnd;

/// <summary>
/// nginx from Debian's package (<c>/usr/sbin/nginx</c>) in front of the benchmark's web nodes, as
/// <c>deploy/nginx/commendations.conf</c> proxies to them (an <c>upstream</c> with keep-alive connections, round robin,
/// the same forwarded headers) but on plain HTTP on a free loopback port: TLS is the same cost whatever the number of
/// nodes, so leaving it out keeps the comparison about the nodes. Its configuration is generated in a temporary folder;
/// it runs in the foreground (<c>daemon off</c>) as this process's child and is stopped with its workers on dispose.
/// The access log records which node served each request (<c>$upstream_addr</c>), so the run can show both served.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    private readonly Process _master;
    private readonly string _folder;

    private NginxProxy(Process master, string folder, Uri address)
    {
        _master = master;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    private string AccessLog => Path.Combine(_folder, "access.log");

    /// <summary>The master and its workers, for their processor time.</summary>
    public IReadOnlyList<int> ProcessIds => [_master.Id, .. Children(_master.Id)];

    public static async Task<NginxProxy> StartAsync(IReadOnlyList<Uri> nodes, TimeSpan timeout)
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"{Binary} not found (Debian: apt-get install nginx-light).");
        var folder = Directory.CreateTempSubdirectory("commendations-bench-nginx-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "tmp"));
        var port = PostgresServer.FreeLoopbackPort();
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, Configuration(folder, port, nodes));

        var info = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-p", folder, "-c", config, "-e", Path.Combine(folder, "error.log") })
            info.ArgumentList.Add(arg);
        var master = Process.Start(info) ?? throw new InvalidOperationException("nginx did not start");
        var proxy = new NginxProxy(master, folder, new Uri($"http://127.0.0.1:{port}"));
        var watch = Stopwatch.StartNew();
        while (!await AcceptsAsync(port))
        {
            if (master.HasExited)
                throw new InvalidOperationException($"nginx exited with {master.ExitCode}: {await master.StandardError.ReadToEndAsync()} {proxy.ErrorLog()}");
            if (watch.Elapsed > timeout)
            {
                proxy.Dispose();
                throw new TimeoutException($"nginx did not listen on {port} within {timeout}: {proxy.ErrorLog()}");
            }
            await Task.Delay(20);
        }
        return proxy;
    }

    /// <summary>
    /// One worker per core (<c>auto</c>), as a distribution's default; the upstream keeps idle connections to the nodes
    /// open (<c>keepalive</c>, HTTP/1.1 without <c>Connection: close</c>) so a request does not pay a TCP handshake to
    /// its node — as the shipped site does.
    /// </summary>
    private static string Configuration(string folder, int port, IReadOnlyList<Uri> nodes) => $$"""
        worker_processes auto;
        daemon off;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log warn;
        events { worker_connections 1024; }
        http {
            log_format upstreams '$upstream_addr $status';
            access_log {{folder}}/access.log upstreams;
            client_body_temp_path {{folder}}/tmp/body;
            proxy_temp_path {{folder}}/tmp/proxy;
            fastcgi_temp_path {{folder}}/tmp/fastcgi;
            uwsgi_temp_path {{folder}}/tmp/uwsgi;
            scgi_temp_path {{folder}}/tmp/scgi;
            upstream commendations_nodes {
        {{string.Join('\n', nodes.Select(n => $"        server {n.Authority} max_fails=1 fail_timeout=10s;"))}}
                keepalive 64;
            }
            server {
                listen 127.0.0.1:{{port}};
                location / {
                    proxy_pass http://commendations_nodes;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $http_host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    proxy_next_upstream error timeout http_502 http_503;
                }
            }
        }
        """;

    /// <summary>Requests answered so far per node (<c>host:port</c>), read from the access log.</summary>
    public IReadOnlyDictionary<string, long> RequestsPerNode()
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (!File.Exists(AccessLog))
            return counts;
        using var stream = new FileStream(AccessLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var node = line.Split(' ', 2)[0];
            counts[node] = counts.GetValueOrDefault(node) + 1;
        }
        return counts;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Child process ids from /proc/PID/task/PID/children (Linux 3.5+).</summary>
    public static IReadOnlyList<int> Children(int processId)
    {
        var path = $"/proc/{processId}/task/{processId}/children";
        return File.Exists(path)
            ? File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList()
            : [];
    }

    private string ErrorLog()
    {
        var path = Path.Combine(_folder, "error.log");
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }

    public void Dispose()
    {
        try
        {
            if (!_master.HasExited)
            {
                _master.Kill(entireProcessTree: true);
                _master.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _master.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
