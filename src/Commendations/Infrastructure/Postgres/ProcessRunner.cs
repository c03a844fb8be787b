using System.Diagnostics;

namespace Commendations.Infrastructure.Postgres;

/// <summary>Runs a short-lived program and captures its output; throws with that output when it fails.</summary>
internal static class ProcessRunner
{
    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeout.TotalSeconds:0} s.");
        }
        return (process.ExitCode, (stdout.Result + stderr.Result).Trim());
    }

    public static string RunChecked(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var args = arguments.ToList();
        var (code, output) = Run(fileName, args, timeout);
        if (code != 0)
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} {string.Join(' ', args)} failed ({code}): {output}");
        return output;
    }
}
