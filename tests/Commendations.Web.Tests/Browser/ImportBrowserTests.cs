using Commendations.Features.Campaigns;
using Commendations.Features.Imports;
using Commendations.Seeding;
using Commendations.Web.Tests.Api;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>The officer's "Nhập danh sách từ Excel" page: a file with a problem is previewed with the row and column named and cannot be imported; the corrected file is imported as drafts.</summary>
public sealed class ImportBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Merit = "Bằng khen của Chủ tịch UBND tỉnh";

    [BrowserFact]
    public async Task A_list_is_previewed_with_its_problems_then_imported_once_corrected()
    {
        var campaigns = await app.SendAs(DemoAccounts.OfficerTanHoa, new ListCampaigns());
        var campaignId = campaigns.Single(c => c.Code == DemoCatalog.CurrentThematicCampaign).Id;
        var template = (await app.SendAs(DemoAccounts.OfficerTanHoa, new GetNomineeListTemplate(campaignId))).Content;
        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        await officer.GotoAsync($"/de-nghi/nhap-excel?campaignId={campaignId}");
        await Expect(officer.GetByRole(AriaRole.Link, new() { Name = "Tải mẫu danh sách (.xlsx)" })).ToBeVisibleAsync();

        var wrong = NomineeListSheet.Fill(template, [NomineeListSheet.Person(1, Merit, "Quách Thị Yến", "Nữ", "năm 1990", "Kế toán", "Quản lý ngân sách xã minh bạch.")]);
        await officer.Locator("#upload").SetInputFilesAsync(new FilePayload { Name = "danh-sach.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = wrong });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Xem trước", Exact = true }).ClickAsync();
        await Expect(officer.Locator(".import-problems li")).ToHaveTextAsync("Dòng 2, cột “Năm sinh”: Cần một số nguyên, không phải “năm 1990”.");
        await Expect(officer.GetByRole(AriaRole.Button, new() { Name = "Nhập danh sách (1 đề nghị)" })).ToHaveCountAsync(0);
        await officer.CheckPageAsync("74-import-preview");

        var right = NomineeListSheet.Fill(template, [NomineeListSheet.Person(1, Merit, "Quách Thị Yến", "Nữ", 1990, "Kế toán", "Quản lý ngân sách xã minh bạch.")]);
        await officer.Locator("#upload").SetInputFilesAsync(new FilePayload { Name = "danh-sach.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = right });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Xem trước", Exact = true }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Nhập danh sách (1 đề nghị)" }).ClickAsync();
        await Expect(officer.GetByText("Đã nhập 1 đề nghị ở trạng thái đang soạn.")).ToBeVisibleAsync();
        await Expect(officer.GetByText("Quách Thị Yến").First).ToBeVisibleAsync();
    }
}
