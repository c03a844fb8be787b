using Commendations.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>A citizen, without signing in, finds the campaigns in public disclosure and comments on a nominee.</summary>
public sealed class PublicDisclosureBrowserTests(DecisionBrowserFixture app) : IClassFixture<DecisionBrowserFixture>
{
    [BrowserFact]
    public async Task A_citizen_finds_the_disclosure_in_the_index_and_a_refused_comment_keeps_what_they_wrote()
    {
        var id = await Journeys.SubmittedCollectiveAsync(app, "Hội Cựu chiến binh xã Tân Hòa");
        await Journeys.ApprovedByCommitteeAsync(app, id);

        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync("/cong-khai");
        var row = citizen.Locator("[data-testid=disclosures] tbody tr").Filter(new() { Has = citizen.Locator($"a[href='/cong-khai/{DemoCatalog.CurrentThematicCampaign}']") });
        await Expect(row).ToHaveCountAsync(1);
        // Who posts it (the committee that reviewed it) and for how long, in dd/MM/yyyy.
        await Expect(row).ToContainTextAsync("Ban Chỉ đạo");
        await Expect(row.Locator("[data-testid=posting-period]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Từ \d{2}/\d{2}/\d{4} \d{2}:\d{2} đến \d{2}/\d{2}/\d{4} \d{2}:\d{2}$"));
        await citizen.CheckPageAsync("53-public-disclosure-index");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await citizen.WaitForURLAsync($"**/cong-khai/{DemoCatalog.CurrentThematicCampaign}");
        await Expect(citizen.Locator("[data-testid=issuing-bodies]")).ToContainTextAsync("Ban Chỉ đạo");
        var nominee = citizen.Locator("section.nominee").Filter(new() { HasText = "Hội Cựu chiến binh xã Tân Hòa" });
        await nominee.Locator("summary").ClickAsync();
        const string text = "Hội đã vận động hội viên hiến đất làm đường, đề nghị ghi nhận thêm.";
        await nominee.GetByLabel("Nội dung ý kiến (10–4000 ký tự)").FillAsync(text);
        await nominee.GetByLabel("Họ và tên (không bắt buộc)").FillAsync("Trần Văn Bình");

        // Sent at once (the clock has not moved since the form was issued): refused as too quick, nothing lost.
        await nominee.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();
        await Expect(citizen.Locator("[data-testid=comment-errors]")).ToBeVisibleAsync();
        var again = citizen.Locator("section.nominee").Filter(new() { HasText = "Hội Cựu chiến binh xã Tân Hòa" });
        await Expect(again.Locator("details")).ToHaveAttributeAsync("open", new System.Text.RegularExpressions.Regex(".*"));
        await Expect(again.GetByLabel("Nội dung ý kiến (10–4000 ký tự)")).ToHaveValueAsync(text);
        await Expect(again.GetByLabel("Họ và tên (không bắt buộc)")).ToHaveValueAsync("Trần Văn Bình");

        // A minute later the same form goes through.
        app.TestClock.Advance(TimeSpan.FromMinutes(1));
        await again.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();
        await Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("Cảm ơn bạn");
        await Expect(citizen.Locator("[data-testid=comment-errors]")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task An_unknown_campaign_is_a_page_that_points_to_the_index_not_raw_data()
    {
        var citizen = await app.NewPageAsync();
        var response = await citizen.GotoAsync("/cong-khai/KHONG-CO-PHONG-TRAO");
        response!.Status.Should().Be(404);
        response.Headers["content-type"].Should().StartWith("text/html");
        await Expect(citizen.Locator("h1")).ToHaveTextAsync("Không tìm thấy phong trào");
        await citizen.Locator("[data-testid=unknown-campaign] a").ClickAsync();
        await citizen.WaitForURLAsync("**/cong-khai");
        await Expect(citizen.Locator("h1")).ToHaveTextAsync("Công khai danh sách tập thể, cá nhân được đề nghị khen thưởng");
    }
}
