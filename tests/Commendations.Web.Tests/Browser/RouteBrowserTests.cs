using Commendations.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>A reviewer opens a nomination's route: the diagram with the current step, the steps passed, the pending timers, the audit beside.</summary>
public sealed class RouteBrowserTests(DecisionBrowserFixture app) : IClassFixture<DecisionBrowserFixture>
{
    [BrowserFact]
    public async Task The_route_page_draws_the_current_step_and_lists_who_acted_and_what_is_pending()
    {
        var id = await Journeys.SubmittedCollectiveAsync(app, "Hội Liên hiệp Phụ nữ xã Tân Hòa");
        await Journeys.ApprovedByCommitteeAsync(app, id);

        var appraiser = await app.SignInAsync(DemoAccounts.Appraiser);
        await appraiser.GotoAsync($"/de-nghi/{id}");
        await appraiser.Locator("[data-testid=route-link]").ClickAsync();
        await appraiser.WaitForURLAsync($"**/de-nghi/{id}/lo-trinh");

        await Expect(appraiser.Locator("[data-testid=route-current]")).ToHaveTextAsync("Công khai, lấy ý kiến");
        // The diagram ran and highlighted the step the nomination waits at.
        await Expect(appraiser.Locator("[data-testid=route-diagram]")).ToHaveAttributeAsync("data-current", "Công khai, lấy ý kiến");
        await Expect(appraiser.Locator("[data-testid=route-diagram] canvas").First).ToBeVisibleAsync();

        var passages = appraiser.Locator("[data-testid=route-passages]");
        await Expect(passages).ToContainTextAsync("Hoàng Văn Dũng");
        await Expect(passages).ToContainTextAsync("Vũ Quang Huy");
        await Expect(passages).ToContainTextAsync("Ban Chỉ đạo xem xét");
        await Expect(passages).Not.ToContainTextAsync("approve");

        // The disclosure's end is the one pending timer, with its instant in dd/MM/yyyy HH:mm.
        var timer = appraiser.Locator("[data-testid=route-timers] tbody tr[data-kind=waitEnds]");
        await Expect(timer).ToContainTextAsync("Hết thời gian chờ");
        await Expect(timer.Locator("time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$"));
        await Expect(appraiser.Locator("[data-testid=route-audit] li").First).ToBeVisibleAsync();
        await appraiser.CheckPageAsync("54-nomination-route");

        // Another unit's officer cannot see it.
        var stranger = await app.SignInAsync(DemoAccounts.OfficerDongXuyen);
        var response = await stranger.GotoAsync($"/de-nghi/{id}/lo-trinh");
        response!.Status.Should().Be(404);
    }

    [BrowserFact]
    public async Task An_administrator_previews_then_ends_a_disclosure_early_with_the_legal_basis()
    {
        var id = await Journeys.SubmittedCollectiveAsync(app, "Chi đoàn thôn Bắc, xã Tân Hòa");
        await Journeys.ApprovedByCommitteeAsync(app, id);

        // Nobody but an administrator is offered the repair.
        var appraiser = await app.SignInAsync(DemoAccounts.Appraiser);
        await appraiser.GotoAsync($"/de-nghi/{id}/lo-trinh");
        await Expect(appraiser.Locator("[data-testid=end-wait]")).ToHaveCountAsync(0);

        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync($"/de-nghi/{id}/lo-trinh");
        var repair = admin.Locator("[data-testid=end-wait]");
        await repair.GetByLabel("Lý do và căn cứ").FillAsync("Quyết định số 12/QĐ-UBND rút ngắn thời gian công khai.");
        await repair.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=end-wait-preview]")).ToContainTextAsync("hồ sơ chuyển sang bước \"Thẩm định\"");
        await Expect(admin.Locator("[data-testid=route-current]")).ToHaveTextAsync("Công khai, lấy ý kiến");

        await admin.Locator("[data-testid=end-wait]").GetByRole(AriaRole.Button, new() { Name = "Kết thúc ngay" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=route-current]")).ToHaveTextAsync("Thẩm định");
        await Expect(admin.Locator("[data-testid=route-passages]")).ToContainTextAsync("Quyết định số 12/QĐ-UBND rút ngắn thời gian công khai.");
        await Expect(admin.Locator("[data-testid=route-audit]")).ToContainTextAsync("Kết thúc thời gian chờ trước hạn");
    }

    [BrowserFact]
    public async Task An_administrator_moves_a_nomination_past_the_disclosure_only_when_acknowledged_then_cancels_it()
    {
        var id = await Journeys.SubmittedCollectiveAsync(app, "Đoàn Thanh niên xã Tân Hòa");
        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync($"/de-nghi/{id}/lo-trinh");

        var move = admin.Locator("[data-testid=move]");
        await move.GetByLabel("Bước chuyển đến").SelectOptionAsync(new SelectOptionValue { Label = "Thẩm định" });
        await move.GetByLabel("Lý do").FillAsync("Quy trình cũ đặt sai thứ tự bước.");
        await move.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        var preview = admin.Locator("[data-testid=move-preview]");
        await Expect(preview).ToContainTextAsync("hồ sơ rời bước \"Ban Chỉ đạo xem xét\" và đến bước \"Thẩm định\"");
        await Expect(preview).ToContainTextAsync("Hoàng Văn Dũng");
        await Expect(admin.Locator("[data-testid=move-skips]")).ToContainTextAsync("Công khai, lấy ý kiến");
        await Expect(admin.Locator("[data-testid=route-current]")).ToHaveTextAsync("Ban Chỉ đạo xem xét");

        // Without the acknowledgement the move is refused, in words, and nothing changes.
        await admin.Locator("[data-testid=move]").GetByRole(AriaRole.Button, new() { Name = "Chuyển bước" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=error-summary]")).ToContainTextAsync("bỏ qua “Công khai, lấy ý kiến”");
        await Expect(admin.Locator("[data-testid=route-current]")).ToHaveTextAsync("Ban Chỉ đạo xem xét");

        move = admin.Locator("[data-testid=move]");
        await move.GetByLabel("Bước chuyển đến").SelectOptionAsync(new SelectOptionValue { Label = "Thẩm định" });
        await move.GetByLabel("Lý do").FillAsync("Quy trình cũ đặt sai thứ tự bước.");
        await move.GetByLabel("Tôi xác nhận bỏ qua biểu quyết hoặc công khai (nếu có) và chịu trách nhiệm về căn cứ").CheckAsync();
        await move.GetByRole(AriaRole.Button, new() { Name = "Chuyển bước" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=route-current]")).ToHaveTextAsync("Thẩm định");
        await Expect(admin.Locator("[data-testid=route-passages]")).ToContainTextAsync("Quản trị viên chuyển hồ sơ từ bước “Ban Chỉ đạo xem xét”");
        await Expect(admin.Locator("[data-testid=route-audit]")).ToContainTextAsync("Quản trị viên chuyển hồ sơ sang bước khác");
        await admin.CheckPageAsync("55-route-moved");

        var cancel = admin.Locator("[data-testid=cancel]");
        await cancel.GetByLabel("Lý do").FillAsync("Hồ sơ nhập trùng với hồ sơ khác của đơn vị.");
        await cancel.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=cancel-preview]")).ToContainTextAsync("hồ sơ đang ở bước \"Thẩm định\" kết thúc");
        await admin.Locator("[data-testid=cancel]").GetByRole(AriaRole.Button, new() { Name = "Huỷ hồ sơ" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=route-current]")).ToHaveTextAsync("Đã kết thúc");
        await Expect(admin.Locator("[data-testid=route-audit]")).ToContainTextAsync("Quản trị viên huỷ hồ sơ");
        await Expect(admin.Locator("[data-testid=move]")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task An_administrator_gives_back_a_task_the_appraiser_took_and_the_appraiser_is_told_why()
    {
        var id = await Journeys.SubmittedCollectiveAsync(app, "Hội Người cao tuổi xã Tân Hòa");
        await Journeys.ApprovedByCommitteeAsync(app, id);
        await Journeys.PastDisclosureAsync(app, id);
        await app.SendAs(null, new Features.Scheduling.ElapseWait(id, "public-disclosure"));
        var turn = (await app.SendAs(DemoAccounts.Appraiser, new Features.Nominations.GetNomination(id))).MyTurn!;
        await app.SendAs(DemoAccounts.Appraiser, new Features.Tasks.ClaimTask(turn.TaskId));

        // Only an administrator is offered to give it back.
        var appraiser = await app.SignInAsync(DemoAccounts.Appraiser);
        await appraiser.GotoAsync($"/de-nghi/{id}/lo-trinh");
        await Expect(appraiser.Locator("[data-testid=release]")).ToHaveCountAsync(0);

        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync($"/de-nghi/{id}/lo-trinh");
        var release = admin.Locator("[data-testid=release]");
        await Expect(release).ToContainTextAsync($"đang do {DemoAccounts.Appraiser.DisplayName} xử lý");
        await release.GetByLabel("Lý do").FillAsync("Đồng chí Lan nghỉ phép đột xuất.");
        await release.GetByRole(AriaRole.Button, new() { Name = "Trả lại việc" }).ClickAsync();
        await Expect(admin.Locator("p.flash")).ToContainTextAsync("Đã trả lại việc cho vai trò");
        await Expect(admin.Locator("[data-testid=release]")).ToHaveCountAsync(0);
        await admin.CheckPageAsync("56-route-claim-released");

        await using var db = app.CreateDbContext();
        var appraiserId = await db.Users.Where(u => u.UserName == DemoAccounts.Appraiser.UserName).Select(u => u.Id).SingleAsync();
        var told = await db.Notifications.Where(n => n.RecipientUserId == appraiserId && n.NominationId == id
                                                     && n.Kind == Domain.Notifications.NotificationKinds.TaskClaimReleased).ToListAsync();
        told.Should().ContainSingle().Which.Body.Should().Contain("Đồng chí Lan nghỉ phép đột xuất.");
        (await db.Tasks.SingleAsync(t => t.Id == turn.TaskId)).ClaimedBy.Should().BeNull();
    }
}
