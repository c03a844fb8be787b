using System.Diagnostics;
using Commendations.Infrastructure.Postgres;

namespace Commendations.Web.Tests.Hosting;

/// <summary>
/// The README's run command as a newcomer uses it: the built app in its own process, with no connection string,
/// bringing up its own PostgreSQL in a data folder. (In a temp folder here, so the developer's own data is untouched.)
/// </summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "commendations-run-" + Guid.NewGuid().ToString("N"));
    private readonly List<AppProcess> _started = [];

    [Fact]
    public async Task The_app_brings_its_own_database_reuses_it_and_refuses_a_second_instance_on_the_same_folder()
    {
        var first = Start();
        await first.WaitUntilReadyAsync();
        first.Output.Should().Contain("Commendations is ready.").And.Contain(first.Url).And.Contain("Applying ").And.NotContain("fail:");

        var second = Start();
        (await second.WaitForExitAsync()).Should().Be(2);
        second.Errors.Should().Contain("is in use by another running instance").And.Contain(first.Pid.ToString());

        (await first.StopAsync()).Should().Be(0);
        File.Exists(Path.Combine(_folder, "postgres", "postmaster.pid")).Should().BeFalse("the database stops with the app");

        var again = Start();
        await again.WaitUntilReadyAsync();
        again.Output.Should().NotContain("Applying", "the second run reuses the migrated data");
        (await again.StopAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Without_PostgreSQL_binaries_it_says_which_package_to_install_and_exits_non_zero()
    {
        var emptyBin = Directory.CreateDirectory(Path.Combine(_folder, "no-binaries")).FullName;

        var app = Start(("LocalDatabase__BinDirectory", emptyBin));

        (await app.WaitForExitAsync()).Should().Be(2);
        app.Errors.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("apt-get install postgresql");
    }

    private AppProcess Start(params (string Name, string Value)[] environment)
    {
        var app = AppProcess.Start(_folder, environment);
        _started.Add(app);
        return app;
    }

    public void Dispose()
    {
        foreach (var app in _started)
            app.Dispose();
        var binaries = PostgresBinaries.Find();
        var data = Path.Combine(_folder, "postgres");
        if (binaries is not null && Directory.Exists(data))
            new PostgresServer(new PostgresServerOptions { DataDirectory = data }, binaries).Stop(immediate: true);
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private sealed class AppProcess : IDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _output = new();
        private readonly System.Text.StringBuilder _errors = new();

        private AppProcess(Process process, string url)
        {
            _process = process;
            Url = url;
        }

        public string Url { get; }
        public int Pid => _process.Id;
        public string Output { get { lock (_output) return _output.ToString(); } }
        public string Errors { get { lock (_errors) return _errors.ToString(); } }

        public static AppProcess Start(string dataFolder, (string Name, string Value)[] environment)
        {
            var appDll = typeof(Program).Assembly.Location;
            var url = $"http://127.0.0.1:{PostgresServer.FreeLoopbackPort()}";
            var info = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { appDll, "--urls", url },
                WorkingDirectory = Path.GetDirectoryName(appDll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.Environment.Remove("ConnectionStrings__Commendations");
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            info.Environment["LocalDatabase__Folder"] = dataFolder;
            info.Environment["Logging__LogLevel__Default"] = "Information";
            foreach (var (name, value) in environment)
                info.Environment[name] = value;

            var process = new Process { StartInfo = info };
            var app = new AppProcess(process, url);
            process.OutputDataReceived += (_, e) => { lock (app._output) app._output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (app._errors) app._errors.AppendLine(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return app;
        }

        public async Task WaitUntilReadyAsync()
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            // Generous: a first run creates a durable cluster and applies every migration, on a 2-core machine that may be busy.
            var deadline = DateTime.UtcNow.AddSeconds(180);
            while (DateTime.UtcNow < deadline)
            {
                if (_process.HasExited)
                    throw new InvalidOperationException($"The app exited with {_process.ExitCode}: {Errors}\n{Output}");
                try
                {
                    if (await client.GetStringAsync(Url + "/health/ready") == "Healthy")
                        return;
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }
                await Task.Delay(250);
            }
            throw new TimeoutException($"The app was not ready within 180 s: {Output}");
        }

        public async Task<int> WaitForExitAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        /// <summary>Stops the app as Ctrl+C or a service manager would (SIGTERM), so it shuts down gracefully.</summary>
        public async Task<int> StopAsync()
        {
            Process.Start("kill", ["-TERM", Pid.ToString()])!.WaitForExit();
            return await WaitForExitAsync();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }
}
