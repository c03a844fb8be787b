using Commendations.Features.Decisions;
using Commendations.Seeding;
using Commendations.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>
/// The main refusals read in Vietnamese, naming things as people know them: document types by name, fields by their
/// labels, the decision number as written — never an English sentence, a C# property or a code.
/// </summary>
public sealed class RefusalBrowserTests(DecisionBrowserFixture app) : IClassFixture<DecisionBrowserFixture>
{
    [BrowserFact]
    public async Task An_officer_reads_the_invalid_headcount_and_the_missing_documents_in_vietnamese()
    {
        app.TestClock.Set(TestClock.At(2026, 12, 1));
        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        await officer.GotoAsync("/phong-trao");
        await officer.Locator($"[data-testid='campaign-{DemoCatalog.CurrentThematicCampaign}']").GetByRole(AriaRole.Link, new() { Name = "Lập đề nghị" }).ClickAsync();
        await officer.WaitForURLAsync("**/de-nghi/tao-moi**");

        await officer.GetByLabel("Tên tập thể").FillAsync("Thôn Đông, xã Tân Hòa");
        await officer.GetByLabel("Tổng số người").FillAsync("0");
        await officer.GetByLabel("Tóm tắt thành tích").FillAsync("Thực hiện tốt Quy chế dân chủ ở cơ sở năm 2026.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
        var headcount = officer.Locator("[data-valmsg-for='Input.Collective.Headcount']");
        await Expect(headcount).ToContainTextAsync("Tổng số người");
        await Expect(headcount).Not.ToContainTextAsync("Headcount");

        await officer.GetByLabel("Tổng số người").FillAsync("28");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
        await officer.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/de-nghi/[0-9a-f-]{36}$"));

        // Submitted without documents: the refusal names the documents by their Vietnamese names.
        await officer.Locator("[data-testid=my-turn] button[data-action=submit]").ClickAsync();
        await Expect(officer.Locator("[data-testid=error-summary]")).ToContainTextAsync("Hồ sơ còn thiếu tài liệu bắt buộc: Tờ trình, Báo cáo thành tích.");
        await Expect(officer.Locator("[data-testid=status]")).ToHaveTextAsync("Đang soạn");
        await officer.ScreenshotAsync("90-refusal-missing-documents");
    }

    [BrowserFact]
    public async Task A_reviewer_who_returns_a_dossier_without_a_reason_is_told_so_in_vietnamese()
    {
        app.TestClock.Set(TestClock.At(2026, 12, 1));
        var id = await Journeys.SubmittedCollectiveAsync(app, "Thôn Tây, xã Tân Hòa");
        var standing = await app.SignInAsync(DemoAccounts.SteeringStandingMember);
        await standing.GotoAsync($"/de-nghi/{id}");

        await Journeys.ActAsync(standing, "return", null);
        await Expect(standing.Locator("#comment-error")).ToHaveTextAsync("Trả lại hoặc không đồng ý cần ghi rõ lý do.");
        await Expect(standing.Locator("[data-testid=my-turn]")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task The_leader_is_refused_a_decision_number_already_used_in_the_year_in_vietnamese()
    {
        app.TestClock.Set(TestClock.At(2026, 12, 1));
        var first = await Journeys.SubmittedCollectiveAsync(app, "Thôn Nam, xã Tân Hòa");
        var second = await Journeys.SubmittedCollectiveAsync(app, "Thôn Bắc, xã Tân Hòa");
        await Journeys.ApprovedByCommitteeAsync(app, first);
        await Journeys.ApprovedByCommitteeAsync(app, second);
        await Journeys.DisclosedAndAppraisedAsync(app, first, second);
        app.TestClock.Set(TestClock.At(2027, 1, 12));
        await app.SendAs(DemoAccounts.Leader, new IssueDecision("301/QĐ-UBND", new DateOnly(2027, 1, 12), DemoAccounts.Leader.DisplayName,
            "Chủ tịch UBND tỉnh", "đã có thành tích xuất sắc", [first]));

        var leader = await app.SignInAsync(DemoAccounts.Leader);
        await leader.GotoAsync("/quyet-dinh/ban-hanh");
        await leader.GetByLabel("Số quyết định").FillAsync("301/QĐ-UBND");
        await leader.GetByLabel("Ngày ký").FillAsync("2027-01-12");
        await leader.GetByLabel("Lý do khen thưởng").FillAsync("đã có thành tích xuất sắc");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Ký và ban hành quyết định" }).ClickAsync();
        await Expect(leader.Locator("[data-valmsg-for='Input.Number']"))
            .ToHaveTextAsync("Số quyết định 301/QĐ-UBND năm 2027 đã được dùng cho một quyết định khác.");
    }

    [BrowserFact]
    public async Task A_comment_sent_too_quickly_on_the_public_disclosure_page_is_refused_in_vietnamese()
    {
        app.TestClock.Set(TestClock.At(2026, 12, 1));
        var id = await Journeys.SubmittedCollectiveAsync(app, "Thôn Trung, xã Tân Hòa");
        await Journeys.ApprovedByCommitteeAsync(app, id);

        // The app's clock stands still, so the form is sent "at once" after it was issued.
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync($"/cong-khai/{DemoCatalog.CurrentThematicCampaign}");
        await visitor.GetByText("Gửi ý kiến về Thôn Trung, xã Tân Hòa").ClickAsync();
        await visitor.Locator($"#t-{id}").FillAsync("Thôn làm tốt công tác hòa giải ở cơ sở.");
        await visitor.Locator($"#t-{id}").Locator("xpath=ancestor::form").GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();
        await Expect(visitor.Locator("[role=alert]")).ToContainTextAsync("Biểu mẫu được gửi quá nhanh; hãy đọc kỹ rồi gửi lại.");

        // A comment sent after reading reaches the timeline named as an event, in either language, never as its code.
        await app.SendAs(null, new Commendations.Features.Disclosure.SendDisclosureComment(id, null, null, "Thôn làm tốt công tác hòa giải ở cơ sở.",
            false, null, app.TestClock.GetUtcNow().AddMinutes(-5), "127.0.0.1"));
        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        await officer.GotoAsync($"/de-nghi/{id}");
        var timeline = officer.Locator("[data-testid=timeline] .event");
        await Expect(officer.Locator("[data-testid=timeline]")).ToContainTextAsync("Nhận ý kiến trong thời gian công khai");
        foreach (var text in await timeline.AllInnerTextsAsync())
            InternalKeysIn(text).Should().BeEmpty($"“{text}” is read by a person");
        await officer.Locator("[data-testid=language-switch]").ClickAsync();
        await Expect(officer.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(officer.Locator("[data-testid=timeline]")).ToContainTextAsync("Comment received during disclosure");
        foreach (var text in await timeline.AllInnerTextsAsync())
            InternalKeysIn(text).Should().BeEmpty($"“{text}” is read by a person");
    }

    /// <summary>Ids and keys in code form (kebab-case, dotted event codes, PascalCase names): none belongs in what a person reads.</summary>
    private static IReadOnlyList<string> InternalKeysIn(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text,
            @"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}|\b[a-z]+(?:-[a-z]+)+\b|\b[a-z]+\.[a-z-]+\b|\b[A-Z][a-z]+[A-Z][A-Za-z]+\b").Select(m => m.Value)];
}
