using Commendations.Engine;
using Commendations.Features.Definitions;
using Commendations.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>Issue 15 (E1): the designer loads, shows, edits and saves parallel and sub-route steps without losing anything, and simulates through them.</summary>
public sealed class NestedStepsDesignerBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Definition = DemoCatalog.CollectiveTitlesWorkflow;

    [BrowserFact]
    public async Task A_draft_with_a_parallel_step_and_a_sub_route_round_trips_through_the_designer()
    {
        var draft = await app.SendAs(DemoAccounts.Admin, new CreateDraft(Definition, 1, null));
        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync($"/quy-trinh/{Definition}/v/{draft.Version}");
        await Expect(admin.Locator("[data-testid=problem-count]")).ToHaveTextAsync("Hợp lệ: không có lỗi.");

        // Shown: the fork with its branches, the call with its callee, and their outcomes as edges.
        (await admin.EvaluateAsync<string>("() => window.designerCy.getElementById('joint-check').data('label')"))
            .Should().Contain("commendation-office | inspectorate");
        (await admin.EvaluateAsync<string>("() => window.designerCy.getElementById('discipline-check').data('label')")).Should().Contain("→ kiem-tra-ky-luat");
        (await admin.EvaluateAsync<bool>("() => window.designerCy.edges().some(e => e.source().id() === 'discipline-check' && e.target().id() === 'decision' && e.data('label') === 'awarded')"))
            .Should().BeTrue();

        // Edited in the panel: the parallel step's rejection rule and a branch deadline, the sub-route's fixed version.
        await admin.Locator("#step-picker").SelectOptionAsync("joint-check");
        await Expect(admin.Locator("#sp-type")).ToHaveValueAsync("parallel");
        var branches = await admin.Locator("#sp-branches").InputValueAsync();
        branches.Should().Contain("\"inspectorate\"").And.Contain("provincialLeader");
        await admin.Locator("#sp-onrejection").SelectOptionAsync("waitForAll");
        await admin.Locator("#sp-branches").FillAsync(branches.Replace("\"workingDays\": 10", "\"workingDays\": 12"));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Áp dụng" }).ClickAsync();
        await Expect(admin.Locator("#json-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"onRejection\": \"waitForAll\""));
        await admin.Locator("#step-picker").SelectOptionAsync("discipline-check");
        await Expect(admin.Locator("#sp-definition")).ToHaveValueAsync("kiem-tra-ky-luat");
        await admin.Locator("#sp-version").FillAsync("1");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Áp dụng" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=problem-count]")).ToHaveTextAsync("Hợp lệ: không có lỗi.");
        await admin.CheckPageAsync("29-designer-parallel-sub-route");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=designer-status]")).ToContainTextAsync("Đã lưu bản nháp (0 lỗi kiểm tra).");
        var saved = WorkflowDefinitionParser.Parse((await app.SendAs(DemoAccounts.Admin, new GetDefinitionVersion(Definition, draft.Version))).Content);
        saved.Problems.Should().BeEmpty();
        var v1 = WorkflowDefinitionParser.Parse((await app.SendAs(DemoAccounts.Admin, new GetDefinitionVersion(Definition, 1))).Content).Definition!;
        DefinitionDiff.Compare(v1, saved.Definition! with { Version = 1 }, includeLayout: false).Select(c => c.ToString()).Should().BeEquivalentTo(
            ["joint-check.branches[commendation-office].deadline.workingDays: 10 → 12", "joint-check.branches[inspectorate].deadline.workingDays: 10 → 12",
             "joint-check.onRejection: rejectImmediately → waitForAll", "discipline-check.version: (none) → 1"],
            "nothing else of the steps was lost on the way through the panel");

        // Simulated through both: the callee's action is offered, branch tasks are picked by step.
        await Expect(admin.Locator("#sim-action-kind option[value=clear]")).ToHaveCountAsync(1);
        foreach (var (action, step) in new[] { ("submit", ""), ("approve", "inspectorate"), ("approve", ""), ("clear", ""), ("award", "") })
        {
            await admin.Locator("#sim-action-kind").SelectOptionAsync(action);
            await admin.Locator("#sim-step").FillAsync(step);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm vào chuỗi" }).ClickAsync();
        }
        await Expect(admin.Locator("[data-testid=sim-actions]")).ToContainTextAsync("approve @ inspectorate");
        await admin.Locator("#sim-award").FillAsync(DemoCatalog.EmulationFlag);
        await admin.Locator("#sim-run").ClickAsync();
        await Expect(admin.Locator("[data-testid=sim-outcome]")).ToContainTextAsync("Awarded");
        await Expect(admin.Locator("[data-testid=sim-path]")).ToContainTextAsync("discipline-check/complaint-check");
        await Expect(admin.Locator("[data-testid=sim-tasks]")).ToContainTextAsync("joint-check/inspectorate");
    }
}
