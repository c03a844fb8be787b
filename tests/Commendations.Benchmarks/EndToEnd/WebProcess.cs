using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Commendations.Infrastructure.Postgres;

namespace Commendations.Benchmarks.EndToEnd;

/// <summary>
/// The built Commendations.Web run as a child process (`dotnet Commendations.Web.dll`) on a loopback port against a
/// benchmark database: migrations not applied at start-up (already there), no demo seeding, environment Staging
/// (production-like; the Production guard would refuse the demo accounts the benchmark signs in with).
/// </summary>
public sealed class WebProcess : IDisposable
{
    /// <summary>The benchmark's audit head key (never a production one).</summary>
    public static readonly string AuditHeadKey =
        Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("commendations benchmark audit head key"u8));

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private WebProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }
    public int ProcessId => _process.Id;

    /// <summary>Time from <see cref="Process.Start()"/> to the first /health/ready answering 200 Healthy.</summary>
    public TimeSpan TimeToReady { get; private set; }

    /// <param name="dll">The app to run: by default the build output next to this project; or a published one.</param>
    public static async Task<WebProcess> StartAsync(string connectionString, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null,
        string? dll = null)
    {
        dll ??= WebAssemblyPath();
        var port = PostgresServer.FreeLoopbackPort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(address.ToString().TrimEnd('/'));
        info.Environment["ConnectionStrings__Commendations"] = connectionString;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        info.Environment["DOTNET_ENVIRONMENT"] = "Staging";
        info.Environment["Database__MigrateOnStartup"] = "false";
        info.Environment["Database__SeedDemoData"] = "false";
        // Staging refuses to start without a configured key, as Production does; the in-process side seals with the same.
        info.Environment["Audit__HeadKey"] = AuditHeadKey;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;

        var watch = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var web = new WebProcess(process, address);
        process.OutputDataReceived += (_, e) => web.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => web.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"Commendations.Web exited with {process.ExitCode} before it was ready:\n{web.Tail()}");
            if (watch.Elapsed > timeout)
            {
                web.Dispose();
                throw new TimeoutException($"Commendations.Web was not ready within {timeout}:\n{web.Tail()}");
            }
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains("Healthy", StringComparison.Ordinal))
                    break;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!process.HasExited)
            {
                // Listening but not answering within the probe's timeout yet (a loaded machine): probe again until the deadline.
            }
            await Task.Delay(10);
        }
        web.TimeToReady = watch.Elapsed;
        return web;
    }

    /// <summary>VmRSS and VmHWM (peak) of the process, in MB, from /proc/&lt;pid&gt;/status.</summary>
    public (double RssMb, double PeakMb) Memory()
    {
        var lines = File.ReadAllLines($"/proc/{_process.Id}/status");
        double Kb(string key) => double.Parse(lines.Single(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        return (Kb("VmRSS"), Kb("VmHWM"));
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 40)
                _lastLines.Dequeue();
        }
    }

    public string Tail()
    {
        lock (_lastLines)
            return string.Join('\n', _lastLines);
    }

    /// <summary>src/Commendations.Web/bin/&lt;this configuration&gt;/net10.0/Commendations.Web.dll (built with this project).</summary>
    private static string WebAssemblyPath()
    {
        var configuration = typeof(WebProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Name;
        var path = Path.Combine(AppDatabase.RepositoryRoot, "src", "Commendations.Web", "bin", configuration, framework, "Commendations.Web.dll");
        if (!File.Exists(path))
            throw new FileNotFoundException($"Build the web app first ({path} is missing): dotnet build tests/Commendations.Benchmarks -c {configuration}");
        return path;
    }

    /// <summary>
    /// The web app as it would be deployed: <c>dotnet publish -c Release -r linux-x64 -p:PublishReadyToRun=true</c> (code
    /// compiled ahead of time, so start-up does not wait for the JIT), into artifacts/bench/web-published.
    /// </summary>
    public static string PublishReadyToRun(TextWriter log)
    {
        var output = Path.Combine(AppDatabase.RepositoryRoot, "artifacts", "bench", "web-published");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "publish", Path.Combine(AppDatabase.RepositoryRoot, "src", "Commendations.Web"), "-c", "Release", "-r", "linux-x64",
                     "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output })
            info.ArgumentList.Add(arg);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed:\n{stdout.Result}\n{stderr.Result}");
        log.WriteLine($"  published with ReadyToRun in {watch.Elapsed.TotalSeconds:F0} s to {output}");
        return Path.Combine(output, "Commendations.Web.dll");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
