using System.Text.RegularExpressions;
using Commendations.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>An administrator starts a route from a template on the definitions list; a used id is refused next to its field.</summary>
public sealed class NewRouteBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_route_is_created_from_the_council_template_and_opens_in_the_designer_valid()
    {
        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("/quy-trinh");
        var form = admin.Locator("[data-testid=new-route]");

        // A used id: refused on the field, what was typed kept.
        await form.GetByLabel("Mã quy trình").FillAsync("csdt-tinh");
        await form.GetByLabel("Tên quy trình").FillAsync("Chiến sĩ thi đua cấp tỉnh (Hội đồng)");
        await form.GetByLabel("Hội đồng bỏ phiếu").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Tạo và mở thiết kế" }).ClickAsync();
        await Expect(admin.Locator("#new-id-error")).ToContainTextAsync("đã được dùng");
        await Expect(form.GetByLabel("Tên quy trình")).ToHaveValueAsync("Chiến sĩ thi đua cấp tỉnh (Hội đồng)");
        await Expect(form.GetByLabel("Hội đồng bỏ phiếu")).ToBeCheckedAsync();
        await admin.AssertAccessibleAsync();

        await form.GetByLabel("Mã quy trình").FillAsync("csdt-hoi-dong");
        await form.GetByRole(AriaRole.Button, new() { Name = "Tạo và mở thiết kế" }).ClickAsync();
        await admin.WaitForURLAsync(new Regex("/quy-trinh/csdt-hoi-dong/v/1$"));
        await Expect(admin.Locator(".flash")).ToContainTextAsync("Đã tạo quy trình mới csdt-hoi-dong (bản nháp phiên bản 1).");
        await Expect(admin.Locator("[data-testid=problem-count]")).ToHaveTextAsync("Hợp lệ: không có lỗi.");
    }
}
