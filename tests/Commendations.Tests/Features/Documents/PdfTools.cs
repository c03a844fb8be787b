using System.Diagnostics;

namespace Commendations.Tests.Features.Documents;

/// <summary>
/// poppler-utils (pdftotext, pdfinfo, pdftoppm, pdfsig): independent readers of the PDFs the application writes. The tests
/// need them and fail — never skip — when they are missing (.ci/run installs the package).
/// </summary>
public static class PdfTools
{
    public sealed record Output(int ExitCode, string Out, string Error)
    {
        public string All => Out + Error;
    }

    public static async Task<Output> RunAsync(string tool, params string[] arguments)
    {
        var path = Locate(tool);
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // Messages in English and no user NSS database: the output's wording is what the tests read.
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Output(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The PDF's text, page by page when <paramref name="page"/> is given (UTF-8, reading order).</summary>
    public static async Task<string> TextAsync(string pdf, int? page = null)
    {
        var arguments = new List<string> { "-enc", "UTF-8" };
        if (page is { } p)
            arguments.AddRange(["-f", p.ToString(), "-l", p.ToString()]);
        arguments.AddRange([pdf, "-"]);
        var result = await RunAsync("pdftotext", [.. arguments]);
        result.ExitCode.Should().Be(0, result.Error);
        return result.Out;
    }

    public static async Task<int> PageCountAsync(string pdf)
    {
        var info = await RunAsync("pdfinfo", pdf);
        info.ExitCode.Should().Be(0, info.Error);
        var line = info.Out.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim());
    }

    private static string Locate(string tool)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
        if (found is null)
            throw new InvalidOperationException(
                $"{tool} is not installed: the PDF tests read the generated documents with poppler-utils (apt-get install poppler-utils).");
        return found;
    }
}
