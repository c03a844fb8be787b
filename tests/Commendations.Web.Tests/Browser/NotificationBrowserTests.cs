using Commendations.Features.Nominations;
using Commendations.Scheduling;
using Commendations.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>Issue 16 in the browser, in Vietnamese: the officer learns their dossier came back, why, and where the work waits.</summary>
public sealed class NotificationBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task The_officer_reads_why_a_dossier_was_returned_follows_the_link_and_finds_it_in_the_work_waiting()
    {
        var id = await Journeys.SubmittedCollectiveAsync(app, "Hội Nông dân xã Tân Hòa");
        var turn = (await app.SendAs(DemoAccounts.SteeringStandingMember, new GetNomination(id))).MyTurn!;
        await app.SendAs(DemoAccounts.SteeringStandingMember, new ActOnTask(turn.TaskId, "return", "Bổ sung bảng tổng hợp số liệu năm 2026."));
        await SettleOutboxAsync();

        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        await Expect(officer.Locator("[data-testid=notifications] .badge")).Not.ToHaveTextAsync("0");
        var waiting = officer.Locator("[data-testid=work-waiting]");
        await Expect(waiting).ToContainTextAsync("Việc cần xử lý");
        await Expect(waiting.Locator(".badge")).Not.ToHaveTextAsync("0");

        await officer.Locator("[data-testid=notifications]").ClickAsync();
        await officer.WaitForURLAsync("**/thong-bao");
        var notice = officer.Locator("[data-testid=notification-list] li").Filter(new() { HasText = "Hội Nông dân xã Tân Hòa" });
        await Expect(notice).ToHaveCountAsync(1);
        await Expect(notice.Locator("h2")).ToHaveTextAsync("Hồ sơ bị trả lại, yêu cầu bổ sung: Hội Nông dân xã Tân Hòa");
        await Expect(notice).ToContainTextAsync("Lý do: Bổ sung bảng tổng hợp số liệu năm 2026.");
        await officer.CheckPageAsync("16-01-notifications");

        await notice.GetByRole(AriaRole.Link, new() { Name = "Mở hồ sơ" }).ClickAsync();
        await officer.WaitForURLAsync($"**/de-nghi/{id}");
        await Expect(officer.Locator("[data-testid=nominee-name]")).ToHaveTextAsync("Hội Nông dân xã Tân Hòa");
        await Expect(officer.Locator("[data-testid=timeline]")).ToContainTextAsync("Bổ sung bảng tổng hợp số liệu năm 2026.");

        await waiting.ClickAsync();
        await officer.WaitForURLAsync("**/viec-can-xu-ly");
        var row = officer.Locator("[data-testid=inbox] tr").Filter(new() { HasText = "Hội Nông dân xã Tân Hòa" });
        await Expect(row.Locator("[data-testid=inbox-proposal-state]")).ToHaveTextAsync("Bị trả lại, cần bổ sung");

        // E-mail can be turned off by the officer; the in-app notices stay.
        await officer.GetByRole(AriaRole.Link, new() { Name = "Cài đặt thông báo" }).ClickAsync();
        await officer.WaitForURLAsync("**/tai-khoan");
        await officer.CheckPageAsync("16-02-notification-settings");
        var mail = officer.GetByLabel("Nhận thông báo qua thư điện tử");
        await Expect(mail).ToBeCheckedAsync();
        await mail.UncheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Expect(officer.Locator(".flash")).ToHaveTextAsync("Đã lưu cài đặt thông báo.");
        await Expect(officer.GetByLabel("Nhận thông báo qua thư điện tử")).Not.ToBeCheckedAsync();
        await using var db = app.CreateDbContext();
        (await db.Users.Where(u => u.UserName == DemoAccounts.OfficerTanHoa.UserName).Select(u => u.EmailNotifications).SingleAsync()).Should().BeFalse();
    }

    /// <summary>Applies the outbox until nothing is left (the background dispatcher may take a batch meanwhile).</summary>
    private async Task SettleOutboxAsync()
    {
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await dispatcher.DispatchOnceAsync(CancellationToken.None);
            await using var db = app.CreateDbContext();
            if (!await db.Outbox.AnyAsync(m => m.ProcessedAt == null))
                return;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException("The outbox did not settle.");
    }
}
