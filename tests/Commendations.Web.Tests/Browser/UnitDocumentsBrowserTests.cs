using Commendations.Domain.Catalog;
using Commendations.Features.Campaigns;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>
/// The unit's submission letter downloaded from the nomination page in Chromium, and an award form's print positions
/// on the administration page, a position off the blank refused next to its input.
/// </summary>
public sealed class UnitDocumentsBrowserTests(DecisionBrowserFixture app) : IClassFixture<DecisionBrowserFixture>
{
    [BrowserFact]
    public async Task The_officer_downloads_the_units_submission_letter_from_the_nomination_page()
    {
        var campaigns = await app.SendAs(DemoAccounts.OfficerTanHoa, new ListCampaigns());
        var id = await app.SendAs(DemoAccounts.OfficerTanHoa, new CreateNomination(campaigns.Single(c => c.Code == DemoCatalog.CurrentThematicCampaign).Id,
            DemoCatalog.CertificateOfMerit, NomineeKind.Collective, null, new CollectiveInput("Đoàn Thanh niên xã Tân Hòa", 30, 14, 22),
            "Xung kích chuyển đổi số ở thôn, bản."));

        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        await officer.GotoAsync($"/de-nghi/{id}");
        await Expect(officer.Locator("[data-testid=submission-letter]")).ToContainTextAsync("Tờ trình và danh sách trích ngang của đơn vị");
        // Only the unit's head signs; the officer sees no signing button.
        await Expect(officer.Locator("[data-testid=sign-letter]")).ToHaveCountAsync(0);

        var download = await officer.RunAndWaitForDownloadAsync(() => officer.GetByRole(AriaRole.Link, new() { Name = "Tải tờ trình (PDF)" }).ClickAsync());
        download.SuggestedFilename.Should().Be("to-trinh-de-nghi-khen-thuong.pdf");
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        bytes.Take(5).Should().Equal("%PDF-"u8.ToArray());
        var word = await officer.RunAndWaitForDownloadAsync(() => officer.GetByRole(AriaRole.Link, new() { Name = "Tải bản Word" }).ClickAsync());
        word.SuggestedFilename.Should().Be("to-trinh-de-nghi-khen-thuong.docx");

        var head = await app.SignInAsync(DemoAccounts.HeadTanHoa);
        await head.GotoAsync($"/de-nghi/{id}");
        await Expect(head.GetByRole(AriaRole.Button, new() { Name = "Ký số tờ trình" })).ToBeVisibleAsync();
        await head.CheckPageAsync("72-nomination-unit-head");
    }

    [BrowserFact]
    public async Task The_administrator_places_the_certificate_fields_and_a_position_off_the_blank_is_refused_next_to_its_input()
    {
        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("/quan-tri/hinh-thuc");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Vị trí in trên phôi Bằng khen của Chủ tịch UBND tỉnh" }).ClickAsync();
        await Expect(admin.Locator("h1")).ToContainTextAsync("Vị trí in trên phôi");
        await Expect(admin.Locator("[data-testid=default-layout]")).ToBeVisibleAsync();

        var left = admin.GetByLabel("Tên người, tập thể được khen – Cách mép trái (mm)");
        await left.FillAsync("350");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Expect(admin.Locator("#field-0-leftMm-error")).ToContainTextAsync("297 mm");
        await Expect(left).ToHaveAttributeAsync("aria-invalid", "true");
        await admin.CheckPageAsync("73-certificate-layout-refused");

        await left.FillAsync("35");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Expect(admin.Locator(".flash")).ToContainTextAsync("Đã lưu vị trí in trên phôi.");
        await Expect(admin.GetByLabel("Tên người, tập thể được khen – Cách mép trái (mm)")).ToHaveValueAsync("35");
        await Expect(admin.Locator("[data-testid=default-layout]")).ToHaveCountAsync(0);
    }
}
