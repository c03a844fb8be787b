using Commendations.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>An administrator without a monitoring server reads the operations figures on a page; nobody else can.</summary>
public sealed class OperationsBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task An_administrator_sees_the_open_tasks_and_todays_approvals_and_an_officer_is_refused()
    {
        var id = await Journeys.SubmittedCollectiveAsync(app, "Hội Liên hiệp Phụ nữ xã Tân Hòa");
        await Journeys.ApprovedByCommitteeAsync(app, id);
        // Waiting at the steering committee: an open task.
        await Journeys.SubmittedCollectiveAsync(app, "Đoàn Thanh niên xã Tân Hòa");

        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("/quan-tri");
        await admin.Locator("[data-testid=admin-menu]").GetByRole(AriaRole.Link, new() { Name = "Tình hình vận hành" }).ClickAsync();
        await admin.WaitForURLAsync("**/quan-tri/van-hanh");
        await Expect(admin.Locator("h1")).ToHaveTextAsync("Tình hình vận hành");
        var figures = admin.Locator("[data-testid=operations-figures]");
        await Expect(figures.Locator("[data-figure=open-tasks] td")).ToHaveTextAsync("1");
        await Expect(figures.Locator("[data-figure=incidents] td")).ToHaveTextAsync("0");
        // The three members' approvals today, whatever hour they fell in.
        var approvals = await admin.Locator("[data-testid=actions-per-hour] tbody tr td:nth-child(3)").AllTextContentsAsync();
        approvals.Sum(int.Parse).Should().Be(3);
        await admin.CheckPageAsync("74-operations");

        await admin.Locator("[data-testid=language-switch]").ClickAsync();
        await admin.WaitForURLAsync("**/quan-tri/van-hanh");
        await Expect(admin.Locator("h1")).ToHaveTextAsync("Operations");
        await Expect(figures.Locator("[data-figure=overdue-tasks] th")).ToHaveTextAsync("Overdue tasks");

        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        (await officer.GotoAsync("/quan-tri/van-hanh"))!.Status.Should().Be(403);
    }
}
