using Commendations.Seeding;
using Commendations.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>The app with a hand-moved clock, so the public disclosure's 7 working days can pass within a test.</summary>
public class DecisionBrowserFixture : BrowserFixture
{
    public TestClock TestClock { get; } = new(TestClock.At(2026, 12, 1));

    protected override TimeProvider? Clock => TestClock;
}

public sealed class DecisionBrowserTests(DecisionBrowserFixture app) : IClassFixture<DecisionBrowserFixture>
{
    [BrowserFact]
    public async Task The_leader_issues_a_decision_for_a_batch_and_opens_the_printable_page()
    {
        // Set-up through the use cases: two dossiers approved by the committee, disclosed for 7 working days and appraised.
        var first = await Journeys.SubmittedCollectiveAsync(app, "UBND xã Tân Hòa");
        var second = await Journeys.SubmittedCollectiveAsync(app, "Trạm Y tế xã Tân Hòa");
        await Journeys.ApprovedByCommitteeAsync(app, first);
        await Journeys.ApprovedByCommitteeAsync(app, second);
        await Journeys.DisclosedAndAppraisedAsync(app, first, second);

        // The leader signs on the decision's date (a decision cannot be dated after the day it is signed).
        app.TestClock.Set(TestClock.At(2027, 1, 12));
        var leader = await app.SignInAsync(DemoAccounts.Leader);
        await leader.GotoAsync("/viec-can-xu-ly");
        await Expect(leader.Locator("[data-testid=inbox]")).ToContainTextAsync("Trạm Y tế xã Tân Hòa");
        await leader.GetByRole(AriaRole.Link, new() { Name = "Ban hành quyết định", Exact = true }).ClickAsync();
        await leader.WaitForURLAsync("**/quyet-dinh/ban-hanh");

        // A malformed number is refused next to its field; the rest stays.
        await leader.GetByLabel("Số quyết định").FillAsync("215-UBND");
        await leader.GetByLabel("Ngày ký").FillAsync("2027-01-12");
        await leader.GetByLabel("Lý do khen thưởng").FillAsync("đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Ký và ban hành quyết định" }).ClickAsync();
        await Expect(leader.Locator("[data-valmsg-for='Input.Number']")).Not.ToBeEmptyAsync();
        await Expect(leader.GetByLabel("Lý do khen thưởng")).ToHaveValueAsync("đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026");
        await leader.CheckPageAsync("12-decision-issue");

        await leader.GetByLabel("Số quyết định").FillAsync("215/QĐ-UBND");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Ký và ban hành quyết định" }).ClickAsync();
        await leader.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/quyet-dinh/[0-9a-f-]{36}$"));

        var decision = leader.Locator("[data-testid=decision]");
        await Expect(decision).ToContainTextAsync("ỦY BAN NHÂN DÂN TỈNH LAM GIANG");
        await Expect(decision).ToContainTextAsync("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        await Expect(decision).ToContainTextAsync("Độc lập - Tự do - Hạnh phúc");
        await Expect(decision).ToContainTextAsync("Số: 215/QĐ-UBND");
        await Expect(decision).ToContainTextAsync("Lam Giang, ngày 12 tháng 01 năm 2027");
        await Expect(decision.Locator("h1")).ToHaveTextAsync("QUYẾT ĐỊNH");
        await Expect(decision).ToContainTextAsync("UBND xã Tân Hòa");
        await Expect(decision).ToContainTextAsync("Trạm Y tế xã Tân Hòa");
        await Expect(decision).ToContainTextAsync("Ngô Đức Mạnh");
        // Printed from the data in force on 12/01/2027: the authority in full, the legal basis of that day (Decree
        // 152/2025/NĐ-CP, with its date), the wording by kind and count, and the chairman's signature block.
        await Expect(decision.Locator("[data-testid=authority]")).ToHaveTextAsync("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAM GIANG");
        await Expect(decision.Locator("[data-testid=basis]")).ToHaveTextAsync([
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng;"]);
        await Expect(decision.Locator("[data-testid=article-1]")).ToContainTextAsync("Tặng Bằng khen của Chủ tịch UBND tỉnh cho 02 tập thể có tên trong danh sách sau, đã có thành tích xuất sắc");
        await Expect(decision.Locator("[data-testid=signature] .signer-title")).ToHaveTextAsync(["CHỦ TỊCH"]);
        await Expect(decision).Not.ToContainTextAsync("Ông/Bà");
        await leader.CheckPageAsync("13-decision");

        // Printed: only the decision, on A4.
        await leader.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(leader.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(decision).ToBeVisibleAsync();
        await leader.ScreenshotAsync("14-decision-print");
        var pdf = await leader.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true });
        pdf.Length.Should().BeGreaterThan(1000);

        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        await officer.GotoAsync($"/de-nghi/{first}");
        await Expect(officer.Locator("[data-testid=status]")).ToHaveTextAsync("Đã khen thưởng");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Xem quyết định khen thưởng" }).ClickAsync();
        await Expect(officer.Locator("[data-testid=decision]")).ToContainTextAsync("Số: 215/QĐ-UBND");

        // The certificate is linked from the nomination page and the registry, titled by its award form.
        await officer.GotoAsync($"/de-nghi/{first}");
        await officer.GetByRole(AriaRole.Link, new() { Name = "In bằng khen (số sổ vàng SV-2027-0002)" }).ClickAsync();
        await officer.WaitForURLAsync("**/chung-nhan/**");
        var certificate = officer.Locator("[data-testid=certificate]");
        await Expect(certificate).ToHaveCountAsync(1);
        await Expect(certificate.Locator("[data-testid=certificate-title]")).ToHaveTextAsync("BẰNG KHEN");
        await Expect(certificate.Locator("[data-testid=certificate-authority]")).ToHaveTextAsync("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAM GIANG");
        await Expect(certificate).ToContainTextAsync("UBND xã Tân Hòa");
        await Expect(certificate).ToContainTextAsync("Lam Giang, ngày 12 tháng 01 năm 2027");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Quyết định" }).ClickAsync();
        await Expect(officer.Locator("[data-testid=decision]")).ToContainTextAsync("Số: 215/QĐ-UBND");
        await officer.GetByRole(AriaRole.Link, new() { Name = "In bằng của quyết định" }).ClickAsync();
        await Expect(officer.Locator("[data-testid=certificate]")).ToHaveCountAsync(2);
    }
}
