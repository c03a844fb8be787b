using System.Text.Json;
using Microsoft.Playwright;

namespace Commendations.Web.Tests.Browser;

/// <summary>Screenshots (test artefacts under artifacts/screenshots/) and axe-core accessibility checks of a page.</summary>
public static class PageChecks
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string ScreenshotFolder => Path.Combine(RepositoryRoot, "artifacts", "screenshots");

    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var path = Path.Combine(RepositoryRoot, "src", "Commendations.Web", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(path))
            throw new FileNotFoundException($"axe-core is missing at {path}: build src/Commendations.Web (it runs npm ci) first.", path);
        return File.ReadAllText(path);
    });

    /// <summary>A full-page screenshot named after the page (e.g. "03-nomination-detail.png").</summary>
    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>Runs axe-core on the page and fails on any serious or critical violation, listing them.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        // Evaluated through DevTools: an injected <script> would be (rightly) refused by the page's Content-Security-Policy.
        await page.EvaluateAsync(AxeSource.Value);
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')}`);
            }
            """);
        var list = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        list.Should().BeEmpty($"axe-core found serious/critical problems on {page.Url}");
    }

    /// <summary>Screenshot, then the accessibility check and no Content-Security-Policy violation: what every main page gets.</summary>
    public static async Task CheckPageAsync(this IPage page, string name)
    {
        await page.ScreenshotAsync(name);
        await page.AssertAccessibleAsync();
        await CspViolations.AssertNoneAsync(page);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Commendations.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Commendations.sln not found above " + AppContext.BaseDirectory);
    }
}
