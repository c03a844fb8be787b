using Commendations.Features.Admin.Users;
using Commendations.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>An administrator learns that a nomination is stuck because the account whose turn it is was locked, and sees how to repair it.</summary>
public sealed class IncidentBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Locking_the_member_whose_turn_it_is_shows_an_incident_with_its_reason_and_repairs()
    {
        var id = await Journeys.SubmittedCollectiveAsync(app, "Mặt trận Tổ quốc xã Tân Hòa");
        var member = (await app.SendAs(DemoAccounts.Admin, new ListUsers())).Single(u => u.UserName == DemoAccounts.SteeringStandingMember.UserName).Id;
        await app.SendAs(DemoAccounts.Admin, new SetUserLock(member, true));

        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("/quan-tri");
        await admin.Locator("[data-testid=incident-count] a").ClickAsync();
        await admin.WaitForURLAsync("**/quan-tri/su-co");
        var row = admin.Locator("[data-testid=incidents] tbody tr").Filter(new() { Has = admin.Locator($"a[href='/de-nghi/{id}']") });
        await Expect(row).ToContainTextAsync("Người được giao bị khóa tài khoản");
        await Expect(row).ToContainTextAsync("Việc \"Ban Chỉ đạo xem xét\" được giao cho Hoàng Văn Dũng, tài khoản này đang bị khóa.");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Mở khóa tài khoản" })).ToBeVisibleAsync();
        await admin.CheckPageAsync("55-incidents");

        // Unlocked again, the next check finds nothing left for this nomination.
        await app.SendAs(DemoAccounts.Admin, new SetUserLock(member, false));
        await admin.Locator("[data-testid=sweep]").ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã kiểm tra");
        await Expect(admin.Locator($"a[href='/de-nghi/{id}']")).ToHaveCountAsync(0);

        // Not for anyone else.
        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        (await officer.GotoAsync("/quan-tri/su-co"))!.Status.Should().Be(403);
    }
}
