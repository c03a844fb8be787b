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

    [BrowserFact]
    public async Task The_incident_leads_to_giving_the_task_to_a_member_appointed_in_place_of_the_locked_one()
    {
        var id = await Journeys.SubmittedCollectiveAsync(app, "Hội Người cao tuổi xã Tân Hòa");
        var users = await app.SendAs(DemoAccounts.Admin, new ListUsers());
        Guid IdOf(DemoAccounts.Account a) => users.Single(u => u.UserName == a.UserName).Id;
        var steering = (await app.SendAs(DemoAccounts.Admin, new Features.Admin.Committees.ListCommittees()))
            .Single(c => c.Code == DemoCatalog.SteeringCommittee).Id;
        await app.SendAs(DemoAccounts.Admin, new Features.Admin.Committees.AddCommitteeMember(steering, IdOf(DemoAccounts.CouncilMember5), "Ủy viên"));
        await app.SendAs(DemoAccounts.Admin, new SetUserLock(IdOf(DemoAccounts.SteeringStandingMember), true));
        try
        {
            var admin = await app.SignInAsync(DemoAccounts.Admin);
            await admin.GotoAsync("/quan-tri/su-co");
            var row = admin.Locator("[data-testid=incidents] tbody tr").Filter(new() { Has = admin.Locator($"a[href='/de-nghi/{id}']") });
            await row.GetByRole(AriaRole.Link, new() { Name = "Chuyển việc cho thành viên khác" }).ClickAsync();
            await admin.WaitForURLAsync($"**/de-nghi/{id}/lo-trinh#reassign");

            var form = admin.Locator("[data-testid=reassign] form").First;
            await Expect(form).ToContainTextAsync("đang giao cho Hoàng Văn Dũng");
            await form.GetByLabel("Người nhận việc").SelectOptionAsync(new SelectOptionValue { Label = "Bùi Văn Phúc" });
            await form.GetByLabel("Lý do").FillAsync("Đồng chí Dũng nghỉ công tác; bổ sung thành viên thay thế.");
            await form.GetByRole(AriaRole.Button, new() { Name = "Chuyển việc" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã chuyển việc");
            await Expect(admin.Locator("[data-testid=route-passages]")).ToContainTextAsync("Chuyển việc cho người khác");
            await Expect(admin.Locator("[data-testid=route-timers]")).ToContainTextAsync("Bùi Văn Phúc");

            var member = await app.SignInAsync(DemoAccounts.CouncilMember5);
            await member.GotoAsync($"/de-nghi/{id}");
            await Expect(member.Locator("[data-testid=my-turn]")).ToHaveCountAsync(1);
        }
        finally
        {
            await app.SendAs(DemoAccounts.Admin, new SetUserLock(IdOf(DemoAccounts.SteeringStandingMember), false));
        }
    }
}
