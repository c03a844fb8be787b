using Commendations.Domain.Calendar;
using Commendations.Features.Admin.Calendar;
using Commendations.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>The administration pages in Chromium: committee member order, the holiday calendar, the other pages, and the refusal.</summary>
public sealed class AdminBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task An_administrator_moves_the_committee_head_to_first_place()
    {
        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Quản trị", Exact = true }).ClickAsync();
        await admin.WaitForURLAsync("**/quan-tri");
        await admin.CheckPageAsync("30-admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Ban Chỉ đạo, Hội đồng" }).ClickAsync();

        var steering = admin.Locator($"[data-testid=committee-{DemoCatalog.SteeringCommittee}]");
        var members = steering.Locator("[data-testid=member]");
        await Expect(members.First).ToContainTextAsync(DemoAccounts.SteeringStandingMember.DisplayName);
        await steering.GetByRole(AriaRole.Button, new() { Name = $"Lên – {DemoAccounts.SteeringHead.DisplayName}" }).ClickAsync();
        await Expect(admin.Locator(".flash")).ToContainTextAsync("Đã đổi thứ tự thành viên.");
        await steering.GetByRole(AriaRole.Button, new() { Name = $"Lên – {DemoAccounts.SteeringHead.DisplayName}" }).ClickAsync();

        await Expect(members.Nth(0)).ToContainTextAsync(DemoAccounts.SteeringHead.DisplayName);
        await Expect(members.Nth(1)).ToContainTextAsync(DemoAccounts.SteeringStandingMember.DisplayName);
        await Expect(members.Nth(2)).ToContainTextAsync(DemoAccounts.SteeringDeputyHead.DisplayName);
        // First place: no "up" button any more.
        await Expect(steering.GetByRole(AriaRole.Button, new() { Name = $"Lên – {DemoAccounts.SteeringHead.DisplayName}" })).ToHaveCountAsync(0);
        await admin.CheckPageAsync("31-admin-committees");
    }

    [BrowserFact]
    public async Task An_administrator_adds_a_holiday_and_a_duplicate_is_refused_next_to_its_field()
    {
        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("/quan-tri/lich-nghi?year=2027");
        await admin.GetByLabel("Ngày", new() { Exact = true }).FillAsync("2027-10-15");
        await admin.GetByLabel("Loại").SelectOptionAsync(new SelectOptionValue { Label = "Ngày nghỉ" });
        await admin.GetByLabel("Tên ngày").FillAsync("Nghỉ kỷ niệm ngày thành lập tỉnh");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm ngày" }).ClickAsync();
        await Expect(admin.Locator(".flash")).ToContainTextAsync("15/10/2027");
        await Expect(admin.Locator("[data-testid=calendar-days]")).ToContainTextAsync("Nghỉ kỷ niệm ngày thành lập tỉnh");

        await admin.GetByLabel("Ngày", new() { Exact = true }).FillAsync("2027-10-15");
        await admin.GetByLabel("Tên ngày").FillAsync("Trùng");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm ngày" }).ClickAsync();
        await Expect(admin.Locator("[data-valmsg-for='Input.Date']")).Not.ToBeEmptyAsync();
        await Expect(admin.GetByLabel("Tên ngày")).ToHaveValueAsync("Trùng");
        await admin.CheckPageAsync("32-admin-calendar");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Xóa 15/10/2027" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=calendar-days]")).Not.ToContainTextAsync("Nghỉ kỷ niệm ngày thành lập tỉnh");
    }

    [BrowserFact]
    public async Task An_administrator_previews_an_official_calendar_file_then_applies_it_and_a_bad_file_is_refused_at_its_field()
    {
        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("/quan-tri/lich-nghi?year=2026");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Nhập lịch chính thức từ tệp" }).ClickAsync();
        await admin.WaitForURLAsync("**/quan-tri/lich-nghi/nhap");

        await admin.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "lich-sai.json", MimeType = "application/json", Buffer = "{ không phải JSON"u8.ToArray() });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Xem trước thay đổi" }).ClickAsync();
        await Expect(admin.Locator(".field-error").First).ToContainTextAsync("Tệp JSON không đọc được");
        await Expect(admin.Locator("[data-testid=calendar-import-changes]")).ToHaveCountAsync(0);

        // The 2026 calendar as shipped, with one more day off announced on Thursday 24/12/2026.
        var shipped = VietnamCalendar.Years[2026];
        var file = new CalendarFile(2026, false, [.. shipped.Days,
            new CalendarDayData(new DateOnly(2026, 12, 24), CalendarDayKind.DayOff, "Nghỉ theo thông báo thử", "Thông báo thử số 1/TB ngày 01/12/2026")]);
        await admin.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "lich-2026.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(file.ToJson()) });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Xem trước thay đổi" }).ClickAsync();
        var changes = admin.Locator("[data-testid=calendar-import-changes]");
        await Expect(changes).ToContainTextAsync("24/12/2026");
        await Expect(changes).ToContainTextAsync("Ngày thêm");
        await Expect(changes).ToContainTextAsync("Thông báo thử số 1/TB ngày 01/12/2026");
        await Expect(changes.Locator("tbody tr")).ToHaveCountAsync(1);
        await admin.CheckPageAsync("32b-admin-calendar-import-preview");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Áp dụng lịch năm 2026" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=calendar-import-applied]")).ToContainTextAsync("Đã áp dụng lịch năm 2026: thêm 1 ngày, xóa 0 ngày, sửa 0 ngày");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Xem lịch nghỉ năm 2026" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=calendar-days]")).ToContainTextAsync("Nghỉ theo thông báo thử");
        // The shipped calendar no longer matches the year: it is offered back, not applied by itself.
        await Expect(admin.Locator("[data-testid=calendar-offer]")).ToContainTextAsync("Ứng dụng có lịch chính thức năm 2026");
    }

    [BrowserFact]
    public async Task The_other_administration_pages_show_their_data_and_pass_the_accessibility_check()
    {
        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("/quan-tri/don-vi");
        await Expect(admin.Locator("[data-testid=unit-tree]")).ToContainTextAsync("UBND xã Tân Hòa");
        await admin.CheckPageAsync("33-admin-units");

        await admin.GotoAsync("/quan-tri/nguoi-dung");
        await admin.GetByLabel("Tên đăng nhập").FillAsync("canbo.moi");
        await admin.Locator("#Input-displayName").FillAsync("Phạm Văn Mới");
        await admin.Locator("form:has(#Input-displayName)").GetByLabel("Cán bộ thi đua").CheckAsync();
        await admin.Locator("#Input-unit").SelectOptionAsync(new SelectOptionValue { Label = "\u00a0\u00a0UBND xã Tân Hòa" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm tài khoản" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=temporary-password]")).ToContainTextAsync("canbo.moi");
        await Expect(admin.Locator("[data-testid=user-canbo\\.moi]")).ToContainTextAsync("Phạm Văn Mới");
        await admin.CheckPageAsync("34-admin-users");

        await admin.GotoAsync("/quan-tri/phong-trao");
        await Expect(admin.Locator("[data-testid=campaigns]")).ToContainTextAsync(DemoCatalog.CurrentThematicCampaign);
        // The route an award follows is chosen by its name, never by its id.
        var route = admin.GetByLabel("Quy trình – Bằng khen của Chủ tịch UBND tỉnh", new() { Exact = true });
        await Expect(route.Locator("option", new() { HasText = "Bằng khen của Chủ tịch UBND tỉnh – phong trào thi đua chuyên đề" })).ToHaveCountAsync(1);
        await Expect(route).Not.ToContainTextAsync("bang-khen-chuyen-de");
        await admin.CheckPageAsync("35-admin-campaigns");

        await admin.GotoAsync("/quan-tri/hinh-thuc");
        await Expect(admin.Locator("[data-testid=award-forms]")).ToContainTextAsync("Bằng khen của Chủ tịch UBND tỉnh");
        await admin.CheckPageAsync("36-admin-award-forms");
    }

    [BrowserFact]
    public async Task Anyone_else_gets_the_refusal_page()
    {
        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        await Expect(officer.GetByRole(AriaRole.Link, new() { Name = "Quản trị", Exact = true })).ToHaveCountAsync(0);
        var response = await officer.GotoAsync("/quan-tri/hoi-dong");
        response!.Status.Should().Be(403);
        await Expect(officer.Locator("[data-testid=admin-refused]")).ToBeVisibleAsync();
        await officer.CheckPageAsync("37-admin-refused");
    }
}
