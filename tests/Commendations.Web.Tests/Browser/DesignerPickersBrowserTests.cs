using System.Text.Json.Nodes;
using Commendations.Features.Definitions;
using Commendations.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>
/// Issue 18: the step panel is built from the step-type catalogue and offers the organisation by name — an administrator
/// picks a committee by the name people know, and the definition stores its code.
/// </summary>
public sealed class DesignerPickersBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Definition = DemoCatalog.ProvincialEmulationFighter;
    private const string SteeringName = "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh Lam Giang";

    [BrowserFact]
    public async Task A_vote_steps_committee_is_picked_by_its_name_and_saved_as_its_code()
    {
        var draft = await app.SendAs(DemoAccounts.Admin, new CreateDraft(Definition, 1, null));
        var view = await app.SendAs(DemoAccounts.Admin, new GetDefinitionVersion(Definition, draft.Version));
        var vote = JsonNode.Parse(view.Content)!["steps"]!.AsArray().First(s => (string)s!["type"]! == "vote")!;
        var voteKey = (string)vote["key"]!;
        ((string)vote["committee"]!).Should().NotBe(DemoCatalog.SteeringCommittee, "the test changes the committee");

        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync($"/quy-trinh/{Definition}/v/{draft.Version}");
        await admin.Locator("#step-picker").SelectOptionAsync(voteKey);

        // The committee is a list of names; the vote's own fields come from the catalogue in the page's language.
        var committee = admin.Locator("#sp-committee");
        await Expect(committee.Locator("option:checked")).ToHaveTextAsync("Hội đồng Thi đua - Khen thưởng tỉnh Lam Giang");
        await Expect(admin.Locator("label[for=sp-committee]")).ToHaveTextAsync("Hội đồng / Ban");
        await Expect(admin.Locator("#sp-recusal option:checked")).ToHaveTextAsync("Tính như vắng mặt");
        await committee.SelectOptionAsync(new SelectOptionValue { Label = SteeringName });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Áp dụng" }).ClickAsync();
        await admin.CheckPageAsync("19-designer-pickers");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=designer-status]")).ToContainTextAsync("Đã lưu bản nháp");

        var response = await admin.APIRequest.GetAsync($"/api/definitions/{Definition}/versions/{draft.Version}");
        response.Ok.Should().BeTrue();
        var body = await response.JsonAsync();
        var saved = JsonNode.Parse(body!.Value.GetProperty("content").GetString()!)!;
        var savedVote = saved["steps"]!.AsArray().Single(s => (string)s!["key"]! == voteKey)!;
        ((string)savedVote["committee"]!).Should().Be(DemoCatalog.SteeringCommittee, "the definition stores the committee's code, not its name");
    }

    [BrowserFact]
    public async Task A_sub_route_left_without_any_outcome_is_refused_in_the_panel_as_the_catalogue_says()
    {
        const string definition = DemoCatalog.CollectiveTitlesWorkflow;
        var draft = await app.SendAs(DemoAccounts.Admin, new CreateDraft(definition, 1, null));
        var view = await app.SendAs(DemoAccounts.Admin, new GetDefinitionVersion(definition, draft.Version));
        var call = JsonNode.Parse(view.Content)!["steps"]!.AsArray().First(s => (string)s!["type"]! == "subRoute")!;

        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync($"/quy-trinh/{definition}/v/{draft.Version}");
        await admin.Locator("#step-picker").SelectOptionAsync((string)call["key"]!);
        foreach (var outcome in new[] { "awarded", "rejected", "withdrawn" })
        {
            await admin.Locator($"#sp-t-{outcome}").SelectOptionAsync("");
        }
        await admin.GetByRole(AriaRole.Button, new() { Name = "Áp dụng" }).ClickAsync();

        await Expect(admin.Locator("#sp-t-awarded-error")).ToHaveTextAsync("Chọn bước tiếp theo cho ít nhất một kết quả.");
        await Expect(admin.Locator("#json-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"awarded\""), new() { Timeout = 1000 });
    }
}
