using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Features.Admin.Campaigns;
using Commendations.Features.Scheduling;
using Commendations.Seeding;
using Commendations.Web.Tests.Api;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Commendations.Web.Tests.Browser.DiagramGestures;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>
/// The proof of issue 18: an administrator who does not know JSON builds the council route of a provincial emulation
/// fighter (proposal → secret-ballot vote → disclosure → appraisal that may return → decision) from nothing on the
/// designer, by mouse and keyboard, publishes it with a second administrator, and one nomination runs through it.
/// </summary>
public sealed class CouncilRouteFromNothingBrowserTests(DesignerBrowserFixture app, ITestOutputHelper output) : IClassFixture<DesignerBrowserFixture>
{
    private const string Id = "csdt-hoi-dong-tu-dau";
    private readonly Dictionary<string, string> _tokens = [];

    [BrowserFact]
    public async Task An_administrator_builds_the_council_route_from_nothing_publishes_it_with_a_second_administrator_and_a_nomination_runs_through_it()
    {
        await app.CreateSecondAdministratorAsync();

        // ---- Building, timed from opening the new route to the saved valid draft ----
        var watch = Stopwatch.StartNew();
        // From nothing: the smallest template, for the award form picked by its name.
        var admin = await NewRouteAsync(app, Id, "Chiến sĩ thi đua cấp tỉnh (Hội đồng, dựng từ đầu)", "Chiến sĩ thi đua cấp tỉnh");
        await ExpectDocumentAsync(admin, d => d.RootElement.GetProperty("appliesTo").GetProperty("awardForms")[0].GetString() == DemoCatalog.ProvincialEmulationFighter);

        // Three steps from the palette: the council's vote, the disclosure wait, the appraisal.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm một bước Bước bỏ phiếu", Exact = true }).ClickAsync();
        await Expect(admin.Locator("#sp-key")).ToHaveValueAsync("vote-1");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm một bước Chờ", Exact = true }).ClickAsync();
        await Expect(admin.Locator("#sp-key")).ToHaveValueAsync("wait-1");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm một bước Công việc", Exact = true }).ClickAsync();
        await Expect(admin.Locator("#sp-key")).ToHaveValueAsync("task-1");

        // Wired by dragging outcomes onto steps: proposal → vote; passed → disclosure, failed → not awarded;
        // disclosure → appraisal; appraisal's forward → the template's decision.
        await DragAsync(admin, "port:de-xuat:actions[0]", "vote-1");
        await DragAsync(admin, "port:vote-1:transitions.passed", "wait-1");
        await DragAsync(admin, "port:vote-1:transitions.failed", "khong-khen");
        await ExpectDocumentAsync(admin, d => Transition(d, "vote-1", "failed") == "khong-khen");

        // A change undone and redone: Ctrl+Z takes the last connection out, Ctrl+Y puts it back.
        await admin.Keyboard.PressAsync("Control+z");
        await ExpectDocumentAsync(admin, d => Transition(d, "vote-1", "failed") is null or "" && Transition(d, "vote-1", "passed") == "wait-1");
        await admin.Keyboard.PressAsync("Control+y");
        await ExpectDocumentAsync(admin, d => Transition(d, "vote-1", "failed") == "khong-khen");

        // The new steps went below the view: the automatic layout brings the whole route back into it.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sắp xếp từ trên xuống" }).ClickAsync();
        await DragAsync(admin, "port:wait-1:next", "task-1");
        await DragAsync(admin, "port:task-1:actions[0]", "quyet-dinh");
        await ExpectDocumentAsync(admin, d => Step(d, "de-xuat").GetProperty("actions")[0].GetProperty("target").GetString() == "vote-1"
                                              && Step(d, "wait-1").GetProperty("next").GetString() == "task-1"
                                              && Step(d, "task-1").GetProperty("actions")[0].GetProperty("target").GetString() == "quyet-dinh");

        // The vote: the emulation and commendation council, secret ballot, quorum 80 %, passing with 90 %.
        await ClickNodeAsync(admin, "vote-1");
        await Expect(admin.Locator("#sp-key")).ToHaveValueAsync("vote-1");
        await admin.Locator("#sp-meaning").SelectOptionAsync("vote");
        await admin.Locator("#sp-title-vi").FillAsync("Hội đồng bỏ phiếu kín");
        await admin.Locator("#sp-committee").SelectOptionAsync(DemoCatalog.Council);
        await admin.Locator("#sp-quorum").FillAsync("0.8");
        await admin.Locator("#sp-passthreshold").FillAsync("0.9");
        await admin.Locator("#sp-secret").CheckAsync();
        await admin.Locator("#sp-deadline-value").FillAsync("10");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Áp dụng", Exact = true }).ClickAsync();
        await ExpectDocumentAsync(admin, d => Step(d, "vote-1").TryGetProperty("secret", out var secret) && secret.GetBoolean()
                                              && Step(d, "vote-1").GetProperty("committee").GetString() == DemoCatalog.Council);

        // The disclosure: ten working days of public notice.
        await ClickNodeAsync(admin, "wait-1");
        await Expect(admin.Locator("#sp-key")).ToHaveValueAsync("wait-1");
        await admin.Locator("#sp-meaning").SelectOptionAsync("disclosure");
        await admin.Locator("#sp-title-vi").FillAsync("Công khai, lấy ý kiến");
        await admin.Locator("#sp-duration-kind").SelectOptionAsync("workingDays");
        await admin.Locator("#sp-duration-value").FillAsync("10");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Áp dụng", Exact = true }).ClickAsync();
        await ExpectDocumentAsync(admin, d => Step(d, "wait-1").TryGetProperty("meaning", out var meaning) && meaning.GetString() == "disclosure");

        // The appraisal: the commendation office's appraiser forwards to the decision or returns the dossier for supplement.
        await ClickNodeAsync(admin, "task-1");
        await Expect(admin.Locator("#sp-key")).ToHaveValueAsync("task-1");
        await admin.Locator("#sp-meaning").SelectOptionAsync("appraisal");
        await admin.Locator("#sp-title-vi").FillAsync("Thẩm định");
        await admin.Locator("#sp-role").SelectOptionAsync("appraiser");
        await admin.Locator("#sp-scope").SelectOptionAsync("appraisal");
        await admin.Locator("#sp-action-label-0").FillAsync("Trình quyết định");
        await admin.Locator("#sp-action-meaning-0").SelectOptionAsync("approve");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm thao tác" }).ClickAsync();
        await admin.Locator("#sp-action-name-1").FillAsync("tra-lai");
        await admin.Locator("#sp-action-label-1").FillAsync("Trả lại, yêu cầu bổ sung");
        await admin.Locator("#sp-action-meaning-1").SelectOptionAsync("returnForSupplement");
        await admin.Locator("#sp-action-target-1").SelectOptionAsync("de-xuat");
        await admin.Locator("#sp-action-rs-1").CheckAsync();
        await admin.Locator("#sp-deadline-value").FillAsync("20");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Áp dụng", Exact = true }).ClickAsync();
        await ExpectDocumentAsync(admin, d => Step(d, "task-1").GetProperty("actions").GetArrayLength() == 2
                                              && Step(d, "task-1").GetProperty("actions")[1].GetProperty("target").GetString() == "de-xuat");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Sắp xếp từ trên xuống" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Xem toàn bộ sơ đồ vừa khung" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=problem-count]")).ToHaveTextAsync("Hợp lệ: không có lỗi.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=designer-status]")).ToContainTextAsync("Đã lưu bản nháp (0 lỗi kiểm tra).");
        watch.Stop();
        output.WriteLine($"Council route built from nothing in {watch.Elapsed.TotalSeconds:0.0} s (opening the new route to the saved valid draft).");

        // The whole route in the picture: one step smaller than the readable fit.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thu nhỏ", Exact = true }).ClickAsync();
        Directory.CreateDirectory(PageChecks.ScreenshotFolder);
        var screenshot = Path.Combine(PageChecks.ScreenshotFolder, "28-council-route-built.png");
        await admin.Locator("#diagram").ScreenshotAsync(new() { Path = screenshot });
        output.WriteLine($"Diagram: {screenshot}");
        await admin.CheckPageAsync("28-council-route-designer");

        // ---- Publishing with a second administrator ----
        await admin.GetByRole(AriaRole.Button, new() { Name = "Xem trước khi xuất bản" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Đề nghị xuất bản" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=awaiting-approval]")).ToContainTextAsync("Đang chờ quản trị viên thứ hai phê duyệt");
        var second = await app.SignInAsync(DesignerBrowserFixture.SecondAdmin);
        await second.GotoAsync($"/quy-trinh/{Id}/v/1");
        await second.GetByRole(AriaRole.Button, new() { Name = "Xem trước khi xuất bản" }).ClickAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Phê duyệt và xuất bản" }).ClickAsync();
        await Expect(second.Locator("[data-testid=definition-status]")).ToHaveTextAsync("Đang áp dụng");

        // ---- One nomination through it, over the API ----
        // The regular campaign's provincial emulation fighter now follows the new route.
        Guid campaignId;
        await using (var db = app.CreateDbContext())
            campaignId = await db.Campaigns.Where(c => c.Code == DemoCatalog.CurrentRegularCampaign).Select(c => c.Id).SingleAsync();
        var editor = await app.SendAs(DemoAccounts.Admin, new GetCampaignForEdit(campaignId));
        var fighter = editor.AwardForms.Single(f => f.Code == DemoCatalog.ProvincialEmulationFighter).Id;
        var awards = editor.Campaign!.Awards.Select(a => a.AwardFormId == fighter ? a with { WorkflowDefinitionId = Id } : a).ToList();
        await app.SendAs(DemoAccounts.Admin, new SaveCampaign(campaignId, editor.Campaign with { Awards = awards }));

        var officer = await ClientAsync(DemoAccounts.OfficerTanHoa);
        var created = await officer.PostAsJsonAsync("/api/nominations", new
        {
            campaignId, awardFormCode = DemoCatalog.ProvincialEmulationFighter, kind = "Individual",
            person = new { fullName = "Nguyễn Thị Hồng Nhung", gender = "Female", birthYear = 1972, position = "Trưởng thôn Bến Đình" },
            achievementSummary = "Ba năm liền chiến sĩ thi đua cơ sở.",
        });
        await ApiJourney.Expect(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        foreach (var (kind, file) in new[] { ("SubmissionLetter", "to-trinh.pdf"), ("AchievementReport", "bao-cao.pdf"), ("Minutes", "bien-ban.pdf") })
            await ApiJourney.Expect(await officer.PostAsync($"/api/nominations/{id}/documents", ApiJourney.Upload(kind, file, ApiJourney.Pdf)), HttpStatusCode.Created);
        await ApiJourney.Expect(await officer.PostAsJsonAsync($"/api/nominations/{id}/submit", new { comment = "Kính trình." }), HttpStatusCode.OK);
        (await StepAsync(id)).Should().Be("vote-1", "the submitted dossier goes to the council's vote, as the route was drawn");

        // The council's secretary opens a session; the nine members attend and vote by secret ballot.
        var secretary = await ClientAsync(DemoAccounts.SteeringStandingMember);
        var opened = await secretary.PostAsJsonAsync("/api/sessions", new { committeeCode = DemoCatalog.Council, title = "Phiên họp Hội đồng tháng 12", heldAt = "2026-12-03T08:00:00+07:00", nominationIds = new[] { id } });
        await ApiJourney.Expect(opened, HttpStatusCode.Created);
        var sessionId = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        Dictionary<string, Guid> users;
        await using (var db = app.CreateDbContext())
            users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id);
        foreach (var member in DemoAccounts.CouncilInOrder)
        {
            await ApiJourney.Expect(await secretary.PutAsJsonAsync($"/api/sessions/{sessionId}/attendance/{users[member.UserName]}", new { status = "Present" }), HttpStatusCode.NoContent);
            await ApiJourney.Expect(await (await ClientAsync(member)).PostAsJsonAsync($"/api/sessions/{sessionId}/ballots", new { nominationId = id, choice = "Yes" }), HttpStatusCode.NoContent);
        }
        // Drawn as secret: the session holds the item as a secret ballot, and each choice went into the sealed box.
        (await secretary.GetFromJsonAsync<JsonObject>($"/api/sessions/{sessionId}"))!["items"]![0]!["secret"]!.GetValue<bool>().Should().BeTrue();
        await using (var db = app.CreateDbContext())
            (await db.SealedBallots.CountAsync(b => b.NominationId == id)).Should().Be(DemoAccounts.CouncilInOrder.Count);
        var closed = await secretary.PostAsync($"/api/sessions/{sessionId}/close", null);
        await ApiJourney.Expect(closed, HttpStatusCode.OK);
        (await closed.Content.ReadFromJsonAsync<JsonObject>())!["items"]![0]!["outcome"]!.GetValue<string>().Should().Be("Passed");
        (await StepAsync(id)).Should().Be("wait-1", "a passed vote goes to the public disclosure");

        // The disclosure's ten working days run out (the scheduler's use case, the clock moved past the end).
        await using (var db = app.CreateDbContext())
        {
            var state = await db.WorkflowInstances.Where(i => i.NominationId == id).Select(i => i.State).SingleAsync();
            app.TestClock.Set(Engine.InstanceState.FromJson(state).WaitUntil!.Value.AddMinutes(5));
        }
        (await app.SendAs(null, new ElapseWait(id, "wait-1"))).Should().BeTrue();
        (await StepAsync(id)).Should().Be("task-1");

        // The appraiser has the task with both actions drawn; forwards it to the decision.
        var appraiser = await ClientAsync(DemoAccounts.Appraiser);
        var inbox = await appraiser.GetFromJsonAsync<JsonArray>("/api/tasks/inbox");
        var task = inbox!.Single(t => t!["nominationId"]!.GetValue<Guid>() == id)!["taskId"]!.GetValue<Guid>();
        // The appraisal may return the dossier to the unit: both actions drawn are the appraiser's to choose.
        (await appraiser.GetFromJsonAsync<JsonObject>($"/api/nominations/{id}"))!["myTurn"]!["actions"]!.AsArray().Select(a => (string?)a)
            .Should().BeEquivalentTo(["forward", "tra-lai"]);
        await ApiJourney.Expect(await appraiser.PostAsJsonAsync($"/api/tasks/{task}/actions", new { action = "forward", comment = "Đủ điều kiện." }), HttpStatusCode.OK);
        (await StepAsync(id)).Should().Be("quyet-dinh");

        // The provincial leader's decision awards it.
        var today = DateOnly.FromDateTime(app.TestClock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var decision = await (await ClientAsync(DemoAccounts.Leader)).PostAsJsonAsync("/api/decisions", new
        {
            number = "401/QĐ-UBND", date = today.ToString("yyyy-MM-dd"), signerName = DemoAccounts.Leader.DisplayName, signerTitle = "Chủ tịch UBND tỉnh",
            citation = "Đã có thành tích xuất sắc", nominationIds = new[] { id },
        });
        await ApiJourney.Expect(decision, HttpStatusCode.Created);
        var detail = (await (await ClientAsync(DemoAccounts.OfficerTanHoa)).GetFromJsonAsync<JsonObject>($"/api/nominations/{id}"))!;
        ((string)detail["status"]!).Should().Be("Awarded");
        ((string)detail["currentStep"]!).Should().Be("da-khen");
        detail["timeline"]!.AsArray().Select(e => (string?)e!["stepKey"]).Where(s => s is not null).Distinct()
            .Should().ContainInOrder("de-xuat", "vote-1", "wait-1", "task-1", "quyet-dinh", "da-khen");
    }

    private async Task<string?> StepAsync(Guid id) =>
        (string?)(await (await ClientAsync(DemoAccounts.OfficerTanHoa)).GetFromJsonAsync<JsonObject>($"/api/nominations/{id}"))!["currentStep"];

    /// <summary>
    /// A client of the running app (Kestrel, the port the browser uses) with a bearer token issued at the test clock's
    /// time (moving the clock ages the tokens).
    /// </summary>
    private async Task<HttpClient> ClientAsync(DemoAccounts.Account account)
    {
        var key = $"{account.UserName}@{app.TestClock.GetUtcNow():O}";
        if (!_tokens.TryGetValue(key, out var token))
        {
            using var anonymous = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
            var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = account.UserName, password = DemoAccounts.Password });
            await ApiJourney.Expect(login, HttpStatusCode.OK);
            _tokens[key] = token = (await login.Content.ReadFromJsonAsync<AccessTokenResponse>())!.AccessToken;
        }
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
