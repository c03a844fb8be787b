using System.Text.Json.Nodes;
using Commendations.Features.Definitions;
using Commendations.Seeding;
using Commendations.Web.Tests.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>
/// The main pages under the Content-Security-Policy in Chromium: nothing is blocked and they still work — the designer
/// and the diff even with <c>&lt;!--&lt;script&gt;</c> and <c>&lt;/script&gt;</c> in the definition's texts, and their
/// own API calls (cookie, same origin) pass the cross-site check.
/// </summary>
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Definition = "bang-khen-chuyen-de";

    [BrowserFact]
    public async Task The_designer_and_the_diff_work_with_markup_in_a_definition_text()
    {
        var version = await HostileDraftAsync();
        var admin = await app.SignInAsync(DemoAccounts.Admin);

        await admin.GotoAsync($"/quy-trinh/{Definition}/v/{version}");
        await Expect(admin.Locator("#diagram canvas").First).ToBeVisibleAsync();
        // Validation is a fetch to /api with the sign-in cookie: it answers, so the same-origin check let it through.
        await Expect(admin.Locator("[data-testid=problem-count]")).ToHaveTextAsync("Hợp lệ: không có lỗi.");
        await Expect(admin.Locator("#step-picker option[value=unit-proposal]")).ToHaveCountAsync(1);
        await Expect(admin.Locator(".site-footer")).ToBeVisibleAsync();
        await admin.Locator("#step-picker").SelectOptionAsync("unit-proposal");
        await Expect(admin.Locator("#sp-action-label-0")).ToHaveValueAsync(DefinitionEmbeddingTests.Hostile);
        (await admin.EvaluateAsync<string>("() => JSON.parse(document.getElementById('designer-content').textContent).description"))
            .Should().Be(DefinitionEmbeddingTests.Hostile);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=designer-status]")).ToContainTextAsync("Đã lưu bản nháp");
        await admin.CheckPageAsync("50-designer-under-csp");

        await admin.GotoAsync($"/quy-trinh/{Definition}/so-sanh?from=1&to={version}");
        await Expect(admin.Locator("#diagram-after canvas").First).ToBeVisibleAsync();
        // The diff script ran to its end (it marks the diagrams last).
        await Expect(admin.Locator("[data-testid=diagram-after]")).ToHaveAttributeAsync("data-marked", new System.Text.RegularExpressions.Regex("^.*$"));
        await Expect(admin.Locator(".site-footer")).ToBeVisibleAsync();
        await admin.CheckPageAsync("51-diff-under-csp");
    }

    [BrowserFact]
    public async Task The_main_pages_run_without_a_blocked_script_or_style()
    {
        var anonymous = await app.NewPageAsync();
        await anonymous.GotoAsync("/dang-nhap");
        await anonymous.GotoAsync($"/cong-khai/{DemoCatalog.CurrentThematicCampaign}");
        await CspViolations.AssertNoneAsync(anonymous);

        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        foreach (var path in new[] { "/", "/phong-trao", "/de-nghi", "/so-khen-thuong", "/bang-dieu-khien", "/thong-bao", "/doi-mat-khau" })
        {
            await officer.GotoAsync(path);
            await Expect(officer.Locator("h1").First).ToBeVisibleAsync();
        }
        // The list filter refreshes through htmx (its configuration turns off the indicator <style> it would inject).
        await officer.GotoAsync("/de-nghi");
        var refreshed = officer.WaitForResponseAsync(r => r.Url.Contains("/de-nghi?") && r.Request.Headers.ContainsKey("hx-request"));
        await officer.Locator("form.filters select").First.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        (await refreshed).Status.Should().Be(200);
        await CspViolations.AssertNoneAsync(officer);

        var admin = await app.SignInAsync(DemoAccounts.Admin);
        foreach (var path in new[] { "/quan-tri", "/quan-tri/don-vi", "/quan-tri/nguoi-dung", "/quy-trinh", "/y-kien-cong-khai" })
        {
            await admin.GotoAsync(path);
            await Expect(admin.Locator("h1").First).ToBeVisibleAsync();
        }
        await CspViolations.AssertNoneAsync(admin);

        // The error page, in the layout, for a page that does not exist.
        var missing = await admin.GotoAsync("/khong-co-trang-nay");
        missing!.Status.Should().Be(404);
        await Expect(admin.Locator("[data-testid=error-page] h1")).ToHaveTextAsync("Không tìm thấy trang");
        await admin.CheckPageAsync("52-error-not-found");
    }

    [BrowserFact]
    public async Task An_injected_inline_script_is_blocked_and_reported()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/dang-nhap");

        // What an attacker's markup would do if it got into a page.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.appendChild(s); }");
        await page.EvaluateAsync("() => document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"window.injected = true\">')");
        await page.WaitForTimeoutAsync(200);

        (await page.EvaluateAsync<bool>("() => window.injected === true")).Should().BeFalse();
        (await CspViolations.OfAsync(page)).Should().Contain(v => v.Contains("script-src"));
    }

    /// <summary>A draft of the shipped route whose description and first action label hold markup.</summary>
    private async Task<int> HostileDraftAsync()
    {
        var draft = await app.SendAs(DemoAccounts.Admin, new CreateDraft(Definition, 1, null));
        var view = await app.SendAs(DemoAccounts.Admin, new GetDefinitionVersion(Definition, draft.Version));
        var document = JsonNode.Parse(view.Content)!.AsObject();
        document["description"] = DefinitionEmbeddingTests.Hostile;
        document["steps"]![0]!["actions"]![0]!["label"] = DefinitionEmbeddingTests.Hostile;
        await app.SendAs(DemoAccounts.Admin, new SaveDraft(Definition, draft.Version, DefinitionEmbeddingTests.AsTheDesignerWrites(document), view.RowVersion));
        (await app.SendAs(DemoAccounts.Admin, new GetDefinitionVersion(Definition, draft.Version))).Content.Should().Contain("<!--<script>");
        return draft.Version;
    }
}
