using System.Text.Json;
using System.Text.RegularExpressions;
using Commendations.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>
/// What a hand does on the designer's diagram (start a route from nothing, click a step, drag from an outcome's port onto
/// a step) and how a test reads the definition document the diagram edits (the JSON view).
/// </summary>
public static class DiagramGestures
{
    /// <summary>A new route from the "Từ đầu" template (a proposal, a decision and the ends), opened on the designer.</summary>
    /// <remarks>With <paramref name="awardFormName"/>, the route is for that award form (picked by its name).</remarks>
    public static async Task<IPage> NewRouteAsync(BrowserFixture app, string id, string name, string? awardFormName = null)
    {
        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("/quy-trinh");
        var form = admin.Locator("[data-testid=new-route]");
        await form.GetByLabel("Mã quy trình").FillAsync(id);
        await form.GetByLabel("Tên quy trình").FillAsync(name);
        // The smallest template ("from nothing"): a proposal, a decision and the ends.
        await form.GetByLabel("Từ đầu").CheckAsync();
        if (awardFormName is not null)
            await form.GetByLabel("Hình thức khen thưởng áp dụng").SelectOptionAsync(new SelectOptionValue { Label = awardFormName });
        await form.GetByRole(AriaRole.Button, new() { Name = "Tạo và mở thiết kế" }).ClickAsync();
        await admin.WaitForURLAsync(new Regex($"/quy-trinh/{id}/v/1$"));
        await Expect(admin.Locator("#diagram canvas").First).ToBeVisibleAsync();
        await admin.Locator("#diagram").ScrollIntoViewIfNeededAsync();
        await admin.WaitForFunctionAsync("() => window.designerGraph && window.designerGraph.nodes('.port').length > 0");
        return admin;
    }

    /// <summary>Where a node of the diagram is on the page, from Cytoscape's rendered position.</summary>
    public static async Task<(float X, float Y)> AtAsync(IPage page, string node)
    {
        var xy = await page.EvaluateAsync<float[]>(
            """
            id => {
              const cy = window.designerGraph, n = cy.getElementById(id);
              if (n.empty()) throw new Error('no node ' + id);
              const seen = cy.container().getBoundingClientRect();
              if (seen.top < 0 || seen.bottom > window.innerHeight) cy.container().scrollIntoView({ block: 'center' });
              const box = cy.container().getBoundingClientRect(), p = n.renderedPosition();
              return [box.left + p.x, box.top + p.y];
            }
            """, node);
        return (xy[0], xy[1]);
    }

    public static async Task ClickNodeAsync(IPage page, string node)
    {
        var (x, y) = await AtAsync(page, node);
        await page.Mouse.ClickAsync(x, y);
    }

    /// <summary>Presses on a port, moves onto a step in small steps (as a hand does) and lets go.</summary>
    public static async Task DragAsync(IPage page, string port, string target)
    {
        // The edge-drawing gesture's events, to say what happened when a drag did not connect.
        await page.EvaluateAsync("() => { window.__gesture = []; if (!window.__gestureWatched) { window.__gestureWatched = true; window.designerGraph.on('ehstart ehcancel ehcomplete ehstop', e => window.__gesture.push(e.type)); } }");
        // The diagram may still be settling (a redraw after an edit, the view fitted to a new step): positions read twice
        // 150 ms apart must agree before the hand moves.
        (float X, float Y) from, to;
        while (true)
        {
            from = await AtAsync(page, port);
            to = await AtAsync(page, target);
            await page.WaitForTimeoutAsync(150);
            if (from == await AtAsync(page, port) && to == await AtAsync(page, target)) break;
        }
        await page.Mouse.MoveAsync(from.X, from.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + (to.X - from.X) / 2, from.Y + (to.Y - from.Y) / 2, new() { Steps = 8 });
        await page.Mouse.MoveAsync(to.X, to.Y, new() { Steps = 8 });
        // Let go once the step under the pointer is taken as the target (the extension marks it), as a person waits to see it.
        await page.WaitForFunctionAsync("id => window.designerGraph.getElementById(id).hasClass('eh-target')", target);
        await page.Mouse.UpAsync();
        var gesture = await page.EvaluateAsync<string[]>("() => window.__gesture");
        gesture.Should().Contain("ehcomplete", $"dragging {port} onto {target} connects them (from {from} to {to})");
    }

    public static async Task<JsonDocument> DocumentAsync(IPage page) =>
        JsonDocument.Parse(await page.Locator("#json-text").InputValueAsync());

    /// <summary>Waits until the definition document in the JSON view satisfies the condition.</summary>
    public static async Task ExpectDocumentAsync(IPage page, Func<JsonDocument, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string json;
        while (true)
        {
            json = await page.Locator("#json-text").InputValueAsync();
            using (var doc = JsonDocument.Parse(json))
            {
                if (condition(doc))
                    return;
            }
            if (DateTime.UtcNow > deadline)
                break;
            await page.WaitForTimeoutAsync(100);
        }
        json.Should().Be("a document that satisfies the condition");
    }

    public static bool HasStep(JsonDocument doc, string key) =>
        doc.RootElement.GetProperty("steps").EnumerateArray().Any(s => s.GetProperty("key").GetString() == key);

    public static JsonElement Step(JsonDocument doc, string key) =>
        doc.RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);

    public static string? Transition(JsonDocument doc, string key, string outcome) =>
        Step(doc, key).TryGetProperty("transitions", out var transitions) && transitions.TryGetProperty(outcome, out var target) ? target.GetString() : null;
}
