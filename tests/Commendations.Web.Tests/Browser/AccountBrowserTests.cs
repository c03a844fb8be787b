using Commendations.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>Signing in and out, changing the password, and the language switch.</summary>
public sealed class AccountBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task The_interface_is_Vietnamese_by_default_and_switches_to_English_and_back()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/dang-nhap");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập");
        await page.CheckPageAsync("00-sign-in");

        await page.Locator("[data-testid=language-switch]").ClickAsync();
        await page.WaitForURLAsync("**/dang-nhap");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await page.AssertAccessibleAsync();

        // The choice is kept after signing in (cookie), on every page.
        await page.GetByLabel("User name").FillAsync(DemoAccounts.SteeringHead.UserName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/viec-can-xu-ly");
        await Expect(page.Locator("h1")).ToHaveTextAsync("My tasks");
        await page.ScreenshotAsync("10-inbox-english");

        await page.Locator("[data-testid=language-switch]").ClickAsync();
        await page.WaitForURLAsync("**/viec-can-xu-ly");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Việc cần xử lý");

        // The header's notifications link (with the unread count) leads to the user's notifications.
        await Expect(page.Locator("[data-testid=notifications] .badge")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        await page.Locator("[data-testid=notifications]").ClickAsync();
        await page.WaitForURLAsync("**/thong-bao");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Thông báo");
        await page.CheckPageAsync("15-notifications");
    }

    [BrowserFact]
    public async Task A_wrong_sign_in_and_a_wrong_current_password_are_shown_next_to_the_form()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/dang-nhap");
        await page.Locator("main button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-valmsg-for=UserName]")).ToHaveTextAsync("Nhập tên đăng nhập.");
        await page.GetByLabel("Tên đăng nhập").FillAsync(DemoAccounts.Appraiser.UserName);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync("Sai@2026x");
        await page.Locator("main button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=error-summary]")).ToContainTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
        await Expect(page.GetByLabel("Tên đăng nhập")).ToHaveValueAsync(DemoAccounts.Appraiser.UserName);

        var signedIn = await app.SignInAsync(DemoAccounts.Appraiser);
        await signedIn.GotoAsync("/doi-mat-khau");
        await signedIn.GetByLabel("Mật khẩu hiện tại").FillAsync("Khong@dung1");
        await signedIn.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync("Moi@2026xyz");
        await signedIn.GetByLabel("Nhập lại mật khẩu mới").FillAsync("Moi@2026xyz");
        await signedIn.GetByRole(AriaRole.Button, new() { Name = "Đổi mật khẩu" }).ClickAsync();
        await Expect(signedIn.Locator("[data-valmsg-for=CurrentPassword]")).ToHaveTextAsync("Mật khẩu hiện tại không đúng.");
        await signedIn.CheckPageAsync("11-change-password");

        await signedIn.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        // A polling assertion on the address, not WaitForURL: that one also waits for the page's load event, which a
        // loaded CI machine once never delivered in 15 s although the sign-in page had arrived.
        await Expect(signedIn).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dang-nhap"));
        var response = await signedIn.GotoAsync("/viec-can-xu-ly");
        signedIn.Url.Should().Contain("/dang-nhap");
        response!.Status.Should().Be(200);
    }
}
