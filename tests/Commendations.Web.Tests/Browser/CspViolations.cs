using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Playwright;

namespace Commendations.Web.Tests.Browser;

/// <summary>
/// Content-Security-Policy violations a page ran into, from both of Chromium's reports: the console message ("Refused to
/// ...") kept for the page's whole life, and the <c>securitypolicyviolation</c> events of the current document.
/// Every page of the browser tests is watched; <see cref="PageChecks.CheckPageAsync"/> fails on any.
/// </summary>
public static class CspViolations
{
    private static readonly ConditionalWeakTable<IPage, List<string>> Console = new();

    /// <summary>Runs before any script of every document of the context (DevTools protocol, so the CSP does not apply to it).</summary>
    public const string Recorder = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
          window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
        """;

    public static async Task WatchAsync(IBrowserContext context)
    {
        await context.AddInitScriptAsync(Recorder);
        context.Page += (_, page) => Watch(page);
    }

    /// <summary>For a page created before its context was watched (not done by the fixture, which watches first).</summary>
    public static void WatchPage(IPage page) => Watch(page);

    private static void Watch(IPage page)
    {
        if (Console.TryGetValue(page, out _))
            return;
        var seen = Console.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                lock (seen)
                    seen.Add(message.Text);
        };
    }

    public static async Task<IReadOnlyList<string>> OfAsync(IPage page)
    {
        var events = await page.EvaluateAsync<JsonElement>("() => window.__cspViolations || []");
        List<string> console;
        var seen = Console.GetOrCreateValue(page);
        lock (seen)
            console = [.. seen];
        return [.. console, .. events.EnumerateArray().Select(e => e.GetString()!)];
    }

    public static async Task AssertNoneAsync(IPage page) =>
        (await OfAsync(page)).Should().BeEmpty($"the Content-Security-Policy blocked nothing on {page.Url}");
}
