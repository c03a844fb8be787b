using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Features.Campaigns;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>Files over the limit or of another type are refused next to the file field, in Vietnamese, before and after sending.</summary>
public sealed class UploadBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private async Task<(IPage Officer, Guid Id)> DraftAsync()
    {
        var campaigns = await app.SendAs(DemoAccounts.OfficerTanHoa, new ListCampaigns());
        var campaignId = campaigns.Single(c => c.Code == DemoCatalog.CurrentThematicCampaign).Id;
        var id = await app.SendAs(DemoAccounts.OfficerTanHoa, new CreateNomination(campaignId, DemoCatalog.CertificateOfMerit,
            NomineeKind.Collective, null, new CollectiveInput("Trạm Y tế xã Tân Hòa", 12, 9, 10), "Phục vụ nhân dân tận tình."));
        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        await officer.GotoAsync($"/de-nghi/{id}");
        return (officer, id);
    }

    private static byte[] Pdf(int megabytes)
    {
        var bytes = new byte[megabytes * 1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    }

    [BrowserFact]
    public async Task A_file_over_the_limit_is_refused_at_once_with_the_real_limit_and_nothing_is_uploaded()
    {
        var (officer, id) = await DraftAsync();
        await Expect(officer.Locator("label[for=file]")).ToHaveTextAsync("Tệp (PDF, DOCX, PNG, JPEG; tối đa 10 MB)");

        foreach (var megabytes in new[] { 11, 21 })
        {
            await officer.Locator("#file").SetInputFilesAsync(new FilePayload { Name = $"bao-cao-{megabytes}.pdf", MimeType = "application/pdf", Buffer = Pdf(megabytes) });
            await Expect(officer.Locator("#file-error")).ToHaveTextAsync($"Tệp tối đa 10 MB; tệp đã chọn nặng {megabytes} MB.");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Tải lên", Exact = true }).ClickAsync();
            await Expect(officer.Locator("#file-error")).ToHaveTextAsync($"Tệp tối đa 10 MB; tệp đã chọn nặng {megabytes} MB.");
        }
        (await app.SendAs(DemoAccounts.OfficerTanHoa, new GetNomination(id))).Documents.Should().BeEmpty();
    }

    [BrowserFact]
    public async Task The_servers_refusal_reaches_the_file_field_when_the_browser_check_is_passed()
    {
        var (officer, id) = await DraftAsync();
        // A text file named .pdf passes the browser's extension check; the server reads its content and refuses it.
        await officer.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "gia-mao.pdf", MimeType = "application/pdf", Buffer = "không phải PDF"u8.ToArray() });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Tải lên", Exact = true }).ClickAsync();

        await Expect(officer.Locator("#file-error")).ToHaveTextAsync("Chỉ nhận tệp PDF, DOCX, PNG, JPEG, và nội dung tệp phải đúng với phần mở rộng.");
        (await app.SendAs(DemoAccounts.OfficerTanHoa, new GetNomination(id))).Documents.Should().BeEmpty();
    }
}
