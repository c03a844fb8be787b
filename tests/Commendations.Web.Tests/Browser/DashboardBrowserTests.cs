using Commendations.Features.Nominations;
using Commendations.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

public sealed class DashboardBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task The_leader_sees_the_campaigns_counts_and_charts_with_their_tables()
    {
        var first = await Journeys.SubmittedCollectiveAsync(app, "UBND xã Tân Hòa");
        await Journeys.SubmittedCollectiveAsync(app, "Trạm Y tế xã Tân Hòa");
        var turn = (await app.SendAs(DemoAccounts.SteeringStandingMember, new GetNomination(first))).MyTurn!;
        await app.SendAs(DemoAccounts.SteeringStandingMember, new ActOnTask(turn.TaskId, "approve", "Đồng ý."));

        var leader = await app.SignInAsync(DemoAccounts.Leader);
        await leader.GetByRole(AriaRole.Link, new() { Name = "Bảng điều khiển", Exact = true }).ClickAsync();
        await leader.GetByLabel("Phong trào").SelectOptionAsync(new SelectOptionValue { Label = $"{DemoCatalog.CurrentThematicCampaign} – Thi đua thực hiện Quy chế dân chủ ở cơ sở năm 2026" });
        await leader.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();

        await Expect(leader.Locator("[data-testid=total]")).ToHaveTextAsync("2");
        var status = leader.Locator("[data-testid=chart-status]");
        await Expect(status.Locator("svg[role=img] rect.bar")).ToHaveCountAsync(1);
        await Expect(status.Locator("table")).ToContainTextAsync("Đang xét duyệt");
        await Expect(status.Locator("table")).ToContainTextAsync("2");
        await Expect(leader.Locator("[data-testid=chart-step] table")).ToContainTextAsync("Ban Chỉ đạo xem xét");
        await Expect(leader.Locator("[data-testid=durations]")).ToContainTextAsync("Ban Chỉ đạo xem xét");
        await leader.CheckPageAsync("38-dashboard");

        // An officer sees the same page for their own unit; another unit's officer sees nothing of Tân Hòa's.
        var other = await app.SignInAsync(DemoAccounts.OfficerDongXuyen);
        await other.GotoAsync("/bang-dieu-khien");
        await other.GetByLabel("Phong trào").SelectOptionAsync(new SelectOptionValue { Label = $"{DemoCatalog.CurrentThematicCampaign} – Thi đua thực hiện Quy chế dân chủ ở cơ sở năm 2026" });
        await other.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Expect(other.Locator("[data-testid=total]")).ToHaveTextAsync("0");
    }
}
