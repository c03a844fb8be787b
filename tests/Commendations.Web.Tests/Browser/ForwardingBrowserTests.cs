using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominees;
using Commendations.Features.Campaigns;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>The app with a clock in the regular campaign's dossier window and a local HttpListener as the central level's endpoint.</summary>
public sealed class ForwardingBrowserFixture : BrowserFixture
{
    public CentralEndpoint Central { get; } = new();

    public TestClock TestClock { get; } = new(TestClock.At(2026, 12, 1));

    protected override TimeProvider? Clock => TestClock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Forwarding:Endpoint", Central.Url);
        builder.UseSetting("Forwarding:TimeoutSeconds", "10");
    }

    public override async ValueTask DisposeAsync()
    {
        Central.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>
/// Issue 22, item 3, in the browser: the commendation office finds a Prime Minister's certificate of merit waiting on
/// "Chuyển hồ sơ lên cấp trên", downloads its package (the manifest's checksums match the files), sends it to the central
/// endpoint — a busy endpoint's refusal shown with its reason, then sent again — and records the central decision, whose
/// mistakes show next to their fields; the nomination and the registry then say it was decided at central level. A unit
/// officer and a council member are refused the page; sending is confirmed first.
/// </summary>
public sealed class ForwardingBrowserTests(ForwardingBrowserFixture app) : IClassFixture<ForwardingBrowserFixture>
{
    /// <summary>Proposed by Tân Hòa, appraised and agreed by the leader (through the use cases): it waits at the forwarding step.</summary>
    private async Task<Guid> AtForwardingAsync(string fullName)
    {
        var campaigns = await app.SendAs(DemoAccounts.OfficerTanHoa, new ListCampaigns());
        var campaignId = campaigns.Single(c => c.Code == DemoCatalog.CurrentRegularCampaign).Id;
        var id = await app.SendAs(DemoAccounts.OfficerTanHoa, new CreateNomination(campaignId, DemoCatalog.PrimeMinisterCertificate,
            NomineeKind.Individual, new PersonInput(fullName, Gender.Male, 1968, "Giám đốc Hợp tác xã Nông nghiệp Tân Hòa"), null,
            "Năm năm liền hoàn thành xuất sắc nhiệm vụ; liên kết tiêu thụ 1.800 tấn lúa hữu cơ mỗi năm."));
        await app.SendAs(DemoAccounts.OfficerTanHoa, new AddDocument(id, DocumentKind.SubmissionLetter, "to-trinh.pdf", Journeys.Pdf));
        await app.SendAs(DemoAccounts.OfficerTanHoa, new AddDocument(id, DocumentKind.AchievementReport, "bao-cao-thanh-tich.pdf", Journeys.Pdf));
        await app.SendAs(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, "Kính trình UBND tỉnh."));
        foreach (var (account, action) in new[] { (DemoAccounts.Appraiser, "forward"), (DemoAccounts.Leader, "propose-upward") })
        {
            var turn = (await app.SendAs(account, new GetNomination(id))).MyTurn!;
            await app.SendAs(account, new ActOnTask(turn.TaskId, action, "Đồng ý đề nghị cấp trên."));
        }
        return id;
    }

    [BrowserFact]
    public async Task The_office_downloads_sends_and_records_the_central_decision_which_the_registry_then_shows()
    {
        var id = await AtForwardingAsync("Đinh Văn Khải");
        var officer = await app.SignInAsync(DemoAccounts.Appraiser);

        await officer.Locator("[data-testid=forwarding-link]").ClickAsync();
        await officer.WaitForURLAsync("**/chuyen-cap-tren");
        var item = officer.Locator("[data-testid=forwarding-item]").Filter(new() { HasText = "Đinh Văn Khải" });
        await Expect(item).ToContainTextAsync("Bằng khen của Thủ tướng Chính phủ");
        await Expect(item).ToContainTextAsync("Phong trào thi đua thường xuyên năm 2026");
        await Expect(item).ToContainTextAsync("01/12/2026");
        await Expect(item).ToContainTextAsync("Chưa gửi");
        await officer.CheckPageAsync("80-forwarding-queue");

        await NextPage.AfterAsync(officer, () => item.GetByRole(AriaRole.Link, new() { Name = "Đinh Văn Khải" }).ClickAsync());
        var forwarding = officer.Locator("[data-testid=forwarding]");
        await Expect(forwarding.Locator("[data-testid=package-document]").Filter(new() { HasText = "Biên bản họp xét của Hội đồng" }))
            .ToContainTextAsync("Hồ sơ chưa được Hội đồng xét tại phiên họp nào nên không có biên bản.");
        await Expect(officer.Locator("[data-testid=my-turn] button[data-action]")).ToHaveCountAsync(1); // only "not awarded": the award is the form below

        // The package, checked as the receiver would: every file the manifest lists has its checksum.
        var download = await officer.RunAndWaitForDownloadAsync(() => forwarding.Locator("[data-testid=package-download]").ClickAsync());
        download.SuggestedFilename.Should().EndWith(".zip");
        using (var zip = ZipFile.OpenRead(await download.PathAsync()))
        {
            var manifest = JsonNode.Parse(zip.GetEntry("manifest.json")!.Open())!;
            foreach (var file in manifest["files"]!.AsArray())
            {
                using var entry = zip.GetEntry((string)file!["path"]!)!.Open();
                Convert.ToHexStringLower(await SHA256.HashDataAsync(entry)).Should().Be((string)file["sha256"]!);
            }
            ((string)manifest["nominee"]!).Should().Be("Đinh Văn Khải");
        }

        // The endpoint is busy: the attempt is listed as failed, with why; the officer sends again.
        app.Central.Answer = HttpStatusCode.ServiceUnavailable;
        await NextPage.AfterAsync(officer, () => forwarding.Locator("[data-testid=send-package]").ClickAsync());
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Gửi gói hồ sơ không thành công");
        await Expect(forwarding.Locator("[data-testid=send]").First).ToContainTextAsync("Không thành công");
        await Expect(forwarding.Locator("[data-testid=send]").First).ToContainTextAsync("busy");
        await Expect(forwarding.Locator("[data-testid=send-package]")).ToHaveTextAsync("Gửi lại gói hồ sơ");
        app.Central.Answer = HttpStatusCode.Accepted;
        await NextPage.AfterAsync(officer, () => forwarding.Locator("[data-testid=send-package]").ClickAsync());
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gửi gói hồ sơ lên cấp trên; nơi nhận trả lời mã 202.");
        await Expect(forwarding.Locator("[data-testid=send]")).ToHaveCountAsync(2);
        app.Central.Received.Should().HaveCount(2);
        var received = app.Central.Received[^1];
        received.Sha256Header.Should().Be(Convert.ToHexStringLower(SHA256.HashData(received.Body)));
        await officer.CheckPageAsync("81-forwarding-nomination");

        // Mistakes show next to their fields and change nothing.
        var form = forwarding.Locator("[data-testid=central-decision-form]");
        await form.GetByLabel("Số quyết định").FillAsync("không số");
        await form.GetByLabel("Ngày ban hành (dd/MM/yyyy)").FillAsync("30/02/2027");
        await NextPage.AfterAsync(officer, () => form.Locator("[data-testid=record-central-decision]").ClickAsync());
        await Expect(officer.Locator("#central-date-error")).ToContainTextAsync("dd/MM/yyyy");
        await Expect(officer.Locator("#central-number-error")).Not.ToBeEmptyAsync();
        await Expect(officer.Locator("#central-authority-error")).Not.ToBeEmptyAsync();
        await Expect(officer.Locator("[data-testid=status]")).ToContainTextAsync("Chuyển hồ sơ lên Trung ương");
        await officer.CheckPageAsync("82-forwarding-central-decision-errors");

        // Three months later (a new sign-in: the session of December has expired), the decision has come.
        app.TestClock.Set(TestClock.At(2027, 3, 2));
        officer = await app.SignInAsync(DemoAccounts.Appraiser);
        await officer.GotoAsync($"/de-nghi/{id}");
        form = officer.Locator("[data-testid=central-decision-form]");
        await form.GetByLabel("Số quyết định").FillAsync("125/QĐ-TTg");
        await form.GetByLabel("Ngày ban hành (dd/MM/yyyy)").FillAsync("25/02/2027");
        await form.GetByLabel("Cơ quan, người có thẩm quyền ban hành").FillAsync("Thủ tướng Chính phủ");
        await form.GetByLabel("Hình thức khen thưởng được quyết định").SelectOptionAsync(new SelectOptionValue { Label = "Bằng khen của Thủ tướng Chính phủ" });
        await NextPage.AfterAsync(officer, () => form.Locator("[data-testid=record-central-decision]").ClickAsync());
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ghi nhận quyết định số 125/QĐ-TTg của Thủ tướng Chính phủ");
        await Expect(officer.Locator("[data-testid=status]")).ToContainTextAsync("Đã khen thưởng");
        await Expect(officer.Locator("[data-testid=central-decision]")).ToContainTextAsync("số 125/QĐ-TTg ngày 25/02/2027 của Thủ tướng Chính phủ: Bằng khen của Thủ tướng Chính phủ.");
        await Expect(officer.Locator("[data-testid=forwarding]")).ToHaveCountAsync(0);

        await officer.GotoAsync("/so-khen-thuong?person=" + Uri.EscapeDataString("Đinh Văn Khải"));
        var line = officer.Locator("[data-testid=registry-line]");
        await Expect(line).ToHaveCountAsync(1);
        await Expect(line).ToContainTextAsync("125/QĐ-TTg");
        await Expect(line).ToContainTextAsync("ngày 25/02/2027");
        await Expect(line.Locator("[data-testid=decided-above]")).ToHaveTextAsync("Cấp trên quyết định: Thủ tướng Chính phủ");
        await officer.CheckPageAsync("83-forwarding-registry");

        await NextPage.AfterAsync(officer, () => line.Locator("a").First.ClickAsync());
        await Expect(officer.Locator("[data-testid=decided-above]")).ToHaveTextAsync("Cấp trên quyết định: Thủ tướng Chính phủ");
        // The central level issues the certificate: there is none to print here.
        await Expect(officer.Locator("[data-testid=certificate-link]")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task A_unit_officer_and_a_council_member_are_refused_the_page_and_the_office_is_asked_before_sending()
    {
        var id = await AtForwardingAsync("Lò Văn Pản");
        foreach (var stranger in new[] { DemoAccounts.OfficerTanHoa, DemoAccounts.CouncilMember5 })
        {
            var page = await app.SignInAsync(stranger);
            await Expect(page.Locator("[data-testid=forwarding-link]")).ToHaveCountAsync(0);
            (await page.GotoAsync("/chuyen-cap-tren"))!.Status.Should().Be(403, stranger.UserName);
            await Expect(page.Locator("[data-testid=forwarding-refused]")).ToBeVisibleAsync();
            await page.GotoAsync($"/de-nghi/{id}");
            await Expect(page.Locator("[data-testid=forwarding]")).ToHaveCountAsync(0);
        }

        // Sending asks first; answered "no", nothing is sent.
        var careful = await app.SignInAsync(DemoAccounts.Appraiser, acceptConfirmations: false);
        await careful.GotoAsync($"/de-nghi/{id}");
        var asked = new TaskCompletionSource<string>();
        careful.Dialog += (_, dialog) =>
        {
            asked.TrySetResult(dialog.Message);
            _ = dialog.DismissAsync();
        };
        var receivedBefore = app.Central.Received.Count;
        await careful.Locator("[data-testid=send-package]").ClickAsync();
        (await asked.Task.WaitAsync(TimeSpan.FromSeconds(15))).Should().Be("Gửi gói hồ sơ của Lò Văn Pản lên cấp trên?");
        await Expect(careful.Locator("[data-testid=no-sends]")).ToBeVisibleAsync();
        app.Central.Received.Should().HaveCount(receivedBefore);

        // In English, the page names what it holds in English.
        var officer = await app.SignInAsync(DemoAccounts.Appraiser);
        await officer.GotoAsync("/chuyen-cap-tren");
        await NextPage.AfterAsync(officer, () => officer.Locator("[data-testid=language-switch]").ClickAsync());
        await Expect(officer.Locator("h1")).ToHaveTextAsync("Forwarding upward");
        await Expect(officer.Locator("[data-testid=forwarding-item]").Filter(new() { HasText = "Lò Văn Pản" })).ToContainTextAsync("Not sent yet");
    }
}
