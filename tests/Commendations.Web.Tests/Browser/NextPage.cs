using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>
/// A form post that leads to another page, waited for by polling for the new document — not by Playwright's lifecycle
/// events: on a loaded CI machine a "load" or "DOMContentLoaded" wait after such a post three times never returned in
/// 15 s although the next page had arrived (its log showed "NetworkIdle event fired").
/// </summary>
public static class NextPage
{
    public static async Task AfterAsync(IPage page, Func<Task> submit)
    {
        // Marks the current document; the next one has no mark.
        await page.EvaluateAsync("() => document.documentElement.setAttribute('data-left-behind', '')");
        await submit();
        await Expect(page.Locator("html:not([data-left-behind]) body")).ToBeAttachedAsync(new() { Timeout = 30_000 });
    }
}
