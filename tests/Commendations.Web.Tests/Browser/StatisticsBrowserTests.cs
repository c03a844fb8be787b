using Commendations.Seeding;
using Commendations.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>
/// Issue 22 in Chromium: the commendation office opens the registration of titles and a unit registers through the page;
/// the statistics page shows the awards with the note on what is not recorded; anyone verifies a certificate on /tra-cuu.
/// </summary>
public sealed class StatisticsBrowserTests(DecisionBrowserFixture app) : IClassFixture<DecisionBrowserFixture>
{
    [BrowserFact]
    public async Task Registration_statistics_and_the_public_look_up_work_in_the_browser_and_pass_the_accessibility_check()
    {
        app.TestClock.Set(TestClock.At(2026, 12, 1));
        var office = await app.SignInAsync(DemoAccounts.Appraiser);
        await office.GotoAsync("/phong-trao");
        await office.GetByTestId("campaign-" + DemoCatalog.CurrentThematicCampaign).GetByTestId("registration-link").ClickAsync();
        await Expect(office.GetByTestId("registration-window")).ToContainTextAsync("Phong trào chưa mở đăng ký thi đua.");
        await office.GetByLabel("Hạn đăng ký").FillAsync("2026-12-10");
        await office.GetByRole(AriaRole.Button, new() { Name = "Mở đăng ký thi đua" }).ClickAsync();
        await Expect(office.GetByTestId("registration-window")).ToContainTextAsync("Nhận đăng ký đến hết ngày 10/12/2026.");
        var registrationUrl = office.Url;

        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        await officer.GotoAsync(registrationUrl);
        await officer.GetByLabel("Số tập thể – Bằng khen của Chủ tịch UBND tỉnh").FillAsync("2");
        await officer.GetByLabel("Số cá nhân – Bằng khen của Chủ tịch UBND tỉnh").FillAsync("4");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ghi đăng ký" }).ClickAsync();
        await Expect(officer.GetByTestId("registrations")).ToContainTextAsync("Bằng khen của Chủ tịch UBND tỉnh: 2 tập thể, 4 cá nhân");
        await officer.CheckPageAsync("60-registration-officer");

        await office.ReloadAsync();
        await Expect(office.GetByTestId("registered-count")).ToContainTextAsync("1/");
        await Expect(office.GetByTestId("registrations")).ToContainTextAsync("Chưa đăng ký");
        await office.CheckPageAsync("61-registration-owner");

        var issued = await Journeys.AwardedCollectivesAsync(app, "401/QĐ-UBND", new DateOnly(2026, 12, 15), "Hợp tác xã Dịch vụ Tân Hòa");
        var leader = await app.SignInAsync(DemoAccounts.Leader);
        await leader.GetByRole(AriaRole.Link, new() { Name = "Thống kê", Exact = true }).ClickAsync();
        await leader.GetByLabel("Năm").FillAsync("2027");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        await Expect(leader.GetByTestId("statistics-scope")).ToContainTextAsync("Kỳ báo cáo từ ngày 01/12/2026 đến ngày 30/11/2027");
        var provincial = leader.GetByTestId("statistics-0603");
        await Expect(provincial).ToContainTextAsync("Biểu số: 0603.N/BNV-TĐKT");
        await Expect(provincial).ToContainTextAsync("Đơn vị nhận báo cáo: Bộ Nội vụ");
        // Row 01 "Tổng số": code, unit, column 1 (total), column 2 (certificates of merit).
        var total = provincial.Locator("tbody tr").First;
        await Expect(total.Locator("th")).ToHaveTextAsync("Tổng số");
        await Expect(total.Locator("td").Nth(2)).ToHaveTextAsync("1");
        await Expect(total.Locator("td").Nth(3)).ToHaveTextAsync("1");
        await Expect(provincial.GetByRole(AriaRole.Columnheader, new() { Name = "Bằng khen", Exact = true })).ToBeVisibleAsync();
        // A row the system does not record reads "not recorded", and the note says why.
        await Expect(provincial.Locator("tbody tr", new() { HasText = "Trong đó: Doanh nghiệp" }).Locator("td.not-recorded").First).ToContainTextAsync("Không ghi nhận");
        await Expect(provincial).ToContainTextAsync("Các ô để trống là số liệu hệ thống không ghi nhận");
        await Expect(provincial).ToContainTextAsync("Biểu theo mẫu 0603.N/BNV-TĐKT ban hành kèm theo Thông tư số 02/2023/TT-BNV");
        await Expect(leader.GetByTestId("statistics-0601")).ToContainTextAsync("SỐ PHONG TRÀO THI ĐUA");
        await Expect(leader.GetByTestId("statistics-0602")).ToContainTextAsync("Bằng khen của Thủ tướng Chính phủ");
        await Expect(leader.GetByTestId("statistics-award-forms").Locator("tbody tr", new() { HasText = "Tổng cộng" }).Locator("td").Nth(2)).ToHaveTextAsync("1");
        await leader.CheckPageAsync("62-statistics");

        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync("/tra-cuu");
        await citizen.GetByLabel("Số vào sổ").FillAsync(issued.RegisterNumbers[0]);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Expect(citizen.GetByTestId("awardee")).ToHaveTextAsync("Hợp tác xã Dịch vụ Tân Hòa");
        await Expect(citizen.GetByTestId("lookup-status")).ToContainTextAsync("Còn hiệu lực");
        await citizen.CheckPageAsync("63-public-lookup");
    }
}
