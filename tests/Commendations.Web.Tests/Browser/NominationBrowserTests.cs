using Commendations.Features.Nominations;
using Commendations.Domain.Nominations;
using Commendations.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>Officers and committee members doing their work in the browser, each in their own session.</summary>
public sealed class NominationBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task An_officer_creates_and_submits_a_collective_nomination_and_three_members_approve_in_order()
    {
        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        await Expect(officer.Locator("[data-testid=user-name]")).ToHaveTextAsync("Nguyễn Văn An");
        await Expect(officer.Locator("[data-testid=user-unit]")).ToHaveTextAsync("UBND xã Tân Hòa");

        await officer.GotoAsync("/phong-trao");
        await officer.CheckPageAsync("01-campaigns");
        await officer.Locator("[data-testid='campaign-PT-2026-QCDC']").GetByRole(AriaRole.Link, new() { Name = "Lập đề nghị" }).ClickAsync();
        await officer.WaitForURLAsync("**/de-nghi/tao-moi**");
        await officer.CheckPageAsync("02-nomination-create");

        // A missing name is refused next to its field, and what was typed stays.
        await officer.GetByLabel("Tổng số người").FillAsync("28");
        await officer.GetByLabel("Tóm tắt thành tích").FillAsync("Thực hiện tốt Quy chế dân chủ ở cơ sở năm 2026.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
        await Expect(officer.Locator("[data-valmsg-for='Input.Collective.Name']")).Not.ToBeEmptyAsync();
        await Expect(officer.GetByLabel("Tóm tắt thành tích")).ToHaveValueAsync("Thực hiện tốt Quy chế dân chủ ở cơ sở năm 2026.");
        await Expect(officer.GetByLabel("Tổng số người")).ToHaveValueAsync("28");
        await officer.ScreenshotAsync("02b-nomination-create-errors");

        await officer.GetByLabel("Tên tập thể").FillAsync("UBND xã Tân Hòa");
        await officer.GetByLabel("Số nữ").FillAsync("13");
        await officer.GetByLabel("Số lao động tiên tiến").FillAsync("20");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
        await officer.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/de-nghi/[0-9a-f-]{36}$"));
        var id = Journeys.IdFromUrl(officer);
        await Expect(officer.Locator("[data-testid=status]")).ToHaveTextAsync("Đang soạn");

        await Journeys.UploadAsync(officer, "SubmissionLetter", "to-trinh.pdf");
        await Journeys.UploadAsync(officer, "AchievementReport", "bao-cao-thanh-tich.pdf");
        await Journeys.UploadAsync(officer, "Other", "nham-tep.pdf");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gỡ nham-tep.pdf" }).ClickAsync();
        await Expect(officer.Locator("[data-testid=documents]")).Not.ToContainTextAsync("nham-tep.pdf");

        // Documents open in the browser (inline), not as a download.
        var href = await officer.GetByRole(AriaRole.Link, new() { Name = "to-trinh.pdf" }).GetAttributeAsync("href");
        var file = await officer.APIRequest.GetAsync(href!);
        file.Status.Should().Be(200);
        file.Headers["content-type"].Should().Be("application/pdf");
        file.Headers["content-disposition"].Should().StartWith("inline");

        await officer.CheckPageAsync("03-nomination-draft");
        await officer.Locator("[data-testid=my-turn] button[data-action=submit]").ClickAsync();
        await Expect(officer.Locator("[data-testid=status]")).ToHaveTextAsync("Ban Chỉ đạo xem xét");
        await Expect(officer.Locator("[data-testid=next-step]")).ToContainTextAsync("Hoàng Văn Dũng");

        // The head is third in order: not their turn yet, so no action is offered.
        var head = await app.SignInAsync(DemoAccounts.SteeringHead);
        await head.GotoAsync($"/de-nghi/{id}");
        await Expect(head.Locator("[data-testid=nominee-name]")).ToHaveTextAsync("UBND xã Tân Hòa");
        await Expect(head.Locator("[data-testid=my-turn]")).ToHaveCountAsync(0);
        await Expect(head.Locator("button[data-action]")).ToHaveCountAsync(0);

        var standing = await app.SignInAsync(DemoAccounts.SteeringStandingMember);
        await standing.GotoAsync("/viec-can-xu-ly");
        await standing.CheckPageAsync("04-inbox");
        await standing.GetByRole(AriaRole.Link, new() { Name = "UBND xã Tân Hòa" }).First.ClickAsync();
        await standing.WaitForURLAsync($"**/de-nghi/{id}");
        await standing.CheckPageAsync("05-nomination-review");
        await Journeys.ActAsync(standing, "approve", "Đồng ý, hồ sơ đầy đủ.");
        await Expect(standing.Locator("[data-testid=my-turn]")).ToHaveCountAsync(0);

        var deputy = await app.SignInAsync(DemoAccounts.SteeringDeputyHead);
        await deputy.GotoAsync($"/de-nghi/{id}");
        await Journeys.ActAsync(deputy, "approve", "Đồng ý.");

        await head.ReloadAsync();
        await Expect(head.Locator("[data-testid=my-turn]")).ToHaveCountAsync(1);
        await Journeys.ActAsync(head, "approve", "Đồng ý trình công khai.");
        // Under review, the status names the step the dossier waits at.
        await Expect(head.Locator("[data-testid=status]")).ToHaveTextAsync("Công khai, lấy ý kiến");

        await officer.ReloadAsync();
        var timeline = officer.Locator("[data-testid=timeline]");
        await Expect(timeline).ToContainTextAsync("Hoàng Văn Dũng");
        await Expect(timeline).ToContainTextAsync("Phan Thị Hạnh");
        await Expect(timeline).ToContainTextAsync("Vũ Quang Huy");
        await Expect(timeline).ToContainTextAsync("Đồng ý trình công khai.");
        await Expect(timeline.Locator("time").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$"));
        await officer.CheckPageAsync("06-nomination-timeline");

        await officer.GotoAsync("/de-nghi?status=InReview");
        await Expect(officer.Locator("[data-testid=nominations]")).ToContainTextAsync("UBND xã Tân Hòa");
        // The list says where each dossier under review waits, not just "under review".
        await Expect(officer.Locator("[data-testid=nominations] tbody tr").Filter(new() { Has = officer.Locator($"a[href='/de-nghi/{id}']") }).Locator(".status"))
            .ToHaveTextAsync("Công khai, lấy ý kiến");
        await officer.CheckPageAsync("07-nominations-list");
    }

    [BrowserFact]
    public async Task A_returned_nomination_is_corrected_and_resubmitted()
    {
        var id = await Journeys.SubmittedCollectiveAsync(app, "Trung tâm Văn hóa xã Tân Hòa");

        var standing = await app.SignInAsync(DemoAccounts.SteeringStandingMember);
        await standing.GotoAsync($"/de-nghi/{id}");
        await Journeys.ActAsync(standing, "return", null);
        await Expect(standing.Locator("[data-valmsg-for=Comment]")).Not.ToBeEmptyAsync(); // a return needs a reason
        await Journeys.ActAsync(standing, "return", "Bổ sung giấy chứng nhận sáng kiến.");
        await Expect(standing.Locator("[data-testid=status]")).ToHaveTextAsync("Bị trả lại");

        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        await officer.GotoAsync($"/de-nghi/{id}");
        await Expect(officer.Locator("[data-testid=next-step]")).ToContainTextAsync("Hồ sơ bị trả lại");
        await Expect(officer.Locator("[data-testid=timeline]")).ToContainTextAsync("Bổ sung giấy chứng nhận sáng kiến.");
        await officer.CheckPageAsync("08-nomination-returned");

        await officer.GetByRole(AriaRole.Link, new() { Name = "Sửa thông tin đề nghị" }).ClickAsync();
        await officer.WaitForURLAsync($"**/de-nghi/{id}/sua");
        await Expect(officer.GetByLabel("Tên tập thể")).ToHaveValueAsync("Trung tâm Văn hóa xã Tân Hòa");
        await officer.GetByLabel("Tóm tắt thành tích").FillAsync("Thực hiện tốt Quy chế dân chủ; có sáng kiến được công nhận.");
        await officer.CheckPageAsync("09-nomination-edit");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await officer.WaitForURLAsync($"**/de-nghi/{id}");
        await Journeys.UploadAsync(officer, "Certificate", "giay-chung-nhan-sang-kien.pdf");
        await officer.Locator("[data-testid=my-turn] button[data-action=submit]").ClickAsync();
        await Expect(officer.Locator("[data-testid=status]")).ToHaveTextAsync("Ban Chỉ đạo xem xét");
        await Expect(officer.Locator("[data-testid=timeline]")).ToContainTextAsync("Trình lại hồ sơ");

        await standing.GotoAsync($"/de-nghi/{id}");
        await Expect(standing.Locator("[data-testid=my-turn]")).ToHaveCountAsync(1);
    }

    [BrowserFact]
    public async Task Rejecting_asks_first_and_answering_no_changes_nothing()
    {
        var id = await Journeys.SubmittedCollectiveAsync(app, "Đoàn Thanh niên xã Tân Hòa");

        var standing = await app.SignInAsync(DemoAccounts.SteeringStandingMember, acceptConfirmations: false);
        await standing.GotoAsync($"/de-nghi/{id}");
        var turn = standing.Locator("[data-testid=my-turn]");
        // Forward, back and out are told apart by more than their words.
        await Expect(turn.Locator("button[data-tone=primary]")).ToHaveClassAsync("primary");
        await Expect(turn.Locator("button[data-tone=warning]")).ToHaveClassAsync("warning");
        await Expect(turn.Locator("button[data-tone=danger]")).ToHaveClassAsync("danger");

        string? question = null;
        var answer = false;
        standing.Dialog += (_, dialog) => { question = dialog.Message; _ = answer ? dialog.AcceptAsync() : dialog.DismissAsync(); };
        await standing.Locator("#act-comment").FillAsync("Không đủ tiêu chuẩn.");
        await turn.Locator("button[data-tone=danger]").ClickAsync();
        question.Should().Contain("không được xét tiếp");
        await Expect(standing.Locator("[data-testid=status]")).ToHaveTextAsync("Ban Chỉ đạo xem xét");
        (await app.SendAs(DemoAccounts.OfficerTanHoa, new GetNomination(id))).Status.Should().Be(NominationStatus.InReview);

        answer = true;
        await turn.Locator("button[data-tone=danger]").ClickAsync();
        await Expect(standing.Locator("[data-testid=status]")).ToHaveTextAsync("Không được khen thưởng");
    }

    [BrowserFact]
    public async Task An_officer_of_another_unit_cannot_open_the_nomination_by_its_address()
    {
        var id = await Journeys.SubmittedCollectiveAsync(app, "Hội Nông dân xã Tân Hòa");

        var other = await app.SignInAsync(DemoAccounts.OfficerDongXuyen);
        var response = await other.GotoAsync($"/de-nghi/{id}");
        response!.Status.Should().Be(404);
        await Expect(other.Locator("[data-testid=not-found]")).ToBeVisibleAsync();
        await Expect(other.Locator("body")).Not.ToContainTextAsync("Hội Nông dân xã Tân Hòa");
        var document = await other.APIRequest.GetAsync($"/de-nghi/{id}?handler=Document&documentId={Guid.NewGuid()}");
        document.Status.Should().Be(404);
        await other.GotoAsync("/de-nghi");
        await Expect(other.Locator("[data-testid=nominations]")).Not.ToContainTextAsync("Hội Nông dân xã Tân Hòa");
    }
}
