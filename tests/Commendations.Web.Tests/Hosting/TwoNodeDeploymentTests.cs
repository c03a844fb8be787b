using System.Diagnostics;
using Commendations.Testing;
using Xunit.Abstractions;

namespace Commendations.Web.Tests.Hosting;

/// <summary>
/// deploy/try-two-nodes.sh as an operator runs it: its own PostgreSQL with the shipped settings and SQL, this build of
/// the app as two nodes with the example environment file, nginx with the shipped site over TLS, and the smoke scenario
/// through nginx (sign in on one node, act through the other, a reminder fires once). Needs nginx: skipped without it
/// unless CI is set (then it fails, as the browser tests do without Chromium; .ci/run installs nginx-light).
/// </summary>
public class TwoNodeDeploymentTests(ITestOutputHelper output)
{
    [NginxFact]
    public async Task The_deployment_stands_up_on_one_machine_and_every_smoke_check_through_nginx_passes()
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(TestCluster.RepositoryRoot, "deploy", "try-two-nodes.sh"));
        info.ArgumentList.Add("--app");
        // This build's app (as MigrateOnlyTests runs it): publishing again would cost minutes and test nothing more here.
        info.ArgumentList.Add(typeof(Program).Assembly.Location);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(12));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // SIGTERM, not Process.Kill's SIGKILL: the script's trap then stops the nodes, nginx and PostgreSQL it started.
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        }
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines.Where(l => l.StartsWith("PASS") || l.StartsWith("FAIL") || l.StartsWith(":::")))
            output.WriteLine(line);

        lines.Where(l => l.StartsWith("FAIL")).Should().BeEmpty(await stderr);
        process.ExitCode.Should().Be(0);
        lines.Should().Contain(l => l.StartsWith("PASS node 2 accepts node 1's cookie"))
            .And.Contain(l => l.StartsWith("PASS the reminder was sent exactly once"))
            .And.Contain(l => l.StartsWith("PASS a 12 MiB upload is refused by nginx"));
    }
}

public sealed class NginxFactAttribute : FactAttribute
{
    public NginxFactAttribute()
    {
        var installed = Environment.GetEnvironmentVariable("PATH")!.Split(':').Any(dir => File.Exists(Path.Combine(dir, "nginx")))
                        || File.Exists("/usr/sbin/nginx");
        if (!installed && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            Skip = "nginx is not installed and CI is not set (apt-get install nginx-light to run deploy/try-two-nodes.sh).";
    }
}
