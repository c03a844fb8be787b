using Commendations.Web.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>
/// A developer opens the interactive API reference: it loads the app's own OpenAPI document and lists the operations
/// with their summaries, and its page runs under its own Content-Security-Policy without being blocked.
/// </summary>
public sealed class ApiReferenceBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task The_reference_lists_the_operations_of_the_apps_own_document()
    {
        var page = await app.NewPageAsync();
        var documentLoaded = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/openapi/v1.json") && r.Status == 200);
        await page.GotoAsync(ApiReference.Path);
        await documentLoaded;
        await Expect(page.GetByText("Sign in with user name and password").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(page.GetByText("Nominations", new() { Exact = true }).First).ToBeAttachedAsync();
        await CspViolations.AssertNoneAsync(page);
        await page.ScreenshotAsync("90-api-reference");
    }
}
