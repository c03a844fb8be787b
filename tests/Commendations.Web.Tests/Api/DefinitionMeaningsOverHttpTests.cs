using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Features.Scheduling;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// Definitions are the contract: the application finds the proposal, the disclosure and the decision by meaning, and
/// shows steps and actions by their names. A copy of the shipped route with every step key and action name changed
/// runs the whole way through the API exactly as the original does — the disclosure pause and a return included.
/// </summary>
public class DefinitionMeaningsOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private const string Definition = "bang-khen-chuyen-de";
    private readonly ApiJourney _journey = new(app);

    private static readonly (string From, string To)[] Keys =
    [
        ("unit-proposal", "de-xuat-don-vi"), ("committee-review", "ban-chi-dao-xet"), ("public-disclosure", "niem-yet"),
        ("appraisal", "tham-dinh-ho-so"), ("decision", "ky-quyet-dinh"), ("awarded", "da-khen"), ("rejected", "khong-khen"), ("withdrawn", "da-rut"),
    ];

    private static readonly (string Step, string From, string To)[] Actions =
    [
        ("de-xuat-don-vi", "submit", "resubmit"), ("tham-dinh-ho-so", "forward", "chuyen-tiep"), ("tham-dinh-ho-so", "return", "tra-lai"),
        ("tham-dinh-ho-so", "reject", "khong-dat"), ("ky-quyet-dinh", "award", "ky"), ("ky-quyet-dinh", "reject", "khong-ky"),
    ];

    /// <summary>Publishes, through the API, the shipped route with every key and action renamed (nothing else changed).</summary>
    private async Task PublishRenamedAsync()
    {
        var admin = await app.As(DemoAccounts.Admin);
        var created = await admin.PostAsJsonAsync($"/api/definitions/{Definition}/drafts", new { fromVersion = 1 });
        await ApiJourney.Expect(created, HttpStatusCode.OK);
        var version = (int)(await created.Content.ReadFromJsonAsync<JsonObject>())!["version"]!;
        var view = (await admin.GetFromJsonAsync<JsonObject>($"/api/definitions/{Definition}/versions/{version}"))!;
        var document = JsonNode.Parse((string)view["content"]!)!.AsObject();
        foreach (var (from, to) in Keys)
            DefinitionDocuments.RenameStep(document, from, to);
        foreach (var (step, from, to) in Actions)
            document["steps"]!.AsArray().Single(s => (string?)s!["key"] == step)!["actions"]!.AsArray().Single(a => (string?)a!["name"] == from)!["name"] = to;
        var content = document.ToJsonString();

        await ApiJourney.Expect(await admin.PutAsJsonAsync($"/api/definitions/{Definition}/versions/{version}", new { content, rowVersion = (uint)view["rowVersion"]! }), HttpStatusCode.OK);
        var problems = await (await admin.PostAsJsonAsync("/api/definitions/validate", new { content })).Content.ReadFromJsonAsync<JsonArray>();
        problems.Should().BeEmpty();
        await ApiJourney.Expect(await admin.PostAsync($"/api/definitions/{Definition}/versions/{version}/publish", null), HttpStatusCode.OK);
    }

    private async Task<string?> CurrentStepAsync(Guid id) => (string?)(await _journey.DetailAsync(id))["currentStep"];

    private async Task ApproveByCommitteeAsync(Guid id)
    {
        foreach (var member in ApiJourney.Steering)
            await ApiJourney.Expect(await _journey.ActAsync(member, await _journey.TaskInInboxAsync(member, id), "approve", "Đồng ý."), HttpStatusCode.OK);
    }

    private async Task ElapseDisclosureAsync(Guid id, bool expectEnded)
    {
        await using (var db = _journey.CreateDbContext())
        {
            var state = await db.WorkflowInstances.Where(i => i.NominationId == id).Select(i => i.State).SingleAsync();
            app.Clock.Set(Engine.InstanceState.FromJson(state).WaitUntil!.Value.AddMinutes(5));
        }
        (await app.AsSystem(new ElapseWait(id, "niem-yet"))).Should().Be(expectEnded);
    }

    [Fact]
    public async Task A_renamed_route_runs_the_whole_way_as_the_shipped_one_with_its_names_shown_instead_of_keys()
    {
        await PublishRenamedAsync();
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var id = await _journey.CreateAsync(await _journey.CollectiveBodyAsync());
        (await CurrentStepAsync(id)).Should().Be("de-xuat-don-vi");
        (await _journey.DetailAsync(id))["currentStepName"]!.GetValue<string>().Should().Be("Đơn vị lập và trình hồ sơ");
        await _journey.AttachRequiredAsync(id);
        await _journey.SubmitAsync(id); // the proposal's submit action is called "resubmit" here

        await ApproveByCommitteeAsync(id);
        (await CurrentStepAsync(id)).Should().Be("niem-yet");
        (await _journey.DetailAsync(id))["inDisclosure"]!.GetValue<bool>().Should().BeTrue();

        // Public disclosure by meaning: listed publicly, and an open complaint pauses the wait until it is resolved.
        var anonymous = app.AnonymousClient();
        var nominees = (await anonymous.GetFromJsonAsync<JsonObject>($"/api/public/campaigns/{DemoCatalog.CurrentThematicCampaign}/disclosure"))!;
        nominees["nominees"]!.AsArray().Select(n => n!["nominationId"]!.GetValue<Guid>()).Should().Contain(id);
        var token = (await anonymous.GetFromJsonAsync<JsonObject>("/api/public/disclosure/form-token"))!["token"]!.GetValue<string>();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await ApiJourney.Expect(await anonymous.PostAsJsonAsync($"/api/public/nominations/{id}/comments",
            new { text = "Đơn vị này đang bị thanh tra, đề nghị xác minh.", isComplaint = true, formToken = token }), HttpStatusCode.Accepted);
        await ElapseDisclosureAsync(id, expectEnded: false);
        (await CurrentStepAsync(id)).Should().Be("niem-yet", "an unresolved complaint pauses the disclosure, whatever it is called");
        var secretary = await app.As(DemoAccounts.SteeringStandingMember);
        var commentId = (await secretary.GetFromJsonAsync<JsonArray>($"/api/nominations/{id}/disclosure-comments"))!.Single()!["id"]!.GetValue<Guid>();
        var resolved = await secretary.PostAsJsonAsync($"/api/disclosure-comments/{commentId}/handling",
            new { kind = "Complaint", handling = "Đã xác minh: không có sai phạm.", resolved = true });
        await ApiJourney.Expect(resolved, HttpStatusCode.OK);
        var outcome = (await resolved.Content.ReadFromJsonAsync<JsonObject>())!;
        outcome["waitEnded"]!.GetValue<bool>().Should().BeTrue();
        outcome["currentStepName"]!.GetValue<string>().Should().Be("Thẩm định");
        (await CurrentStepAsync(id)).Should().Be("tham-dinh-ho-so");

        // The inbox names the step; a return needs a reason by its meaning, not its name, and starts round 2.
        var inbox = await (await app.As(DemoAccounts.Appraiser)).GetFromJsonAsync<JsonArray>("/api/tasks/inbox");
        var item = inbox!.Single(t => t!["nominationId"]!.GetValue<Guid>() == id)!;
        item["stepName"]!.GetValue<string>().Should().Be("Thẩm định");
        var task = item["taskId"]!.GetValue<Guid>();
        var noReason = await _journey.ActAsync(DemoAccounts.Appraiser, task, "tra-lai");
        await ApiJourney.Expect(noReason, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(noReason))["errors"]!.AsObject().Should().ContainKey("comment");
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Appraiser, task, "tra-lai", "Thiếu biên bản họp xét."), HttpStatusCode.OK);
        var returned = await _journey.DetailAsync(id);
        ((string)returned["status"]!).Should().Be("Returned");
        ((int)returned["round"]!).Should().Be(2);
        (await CurrentStepAsync(id)).Should().Be("de-xuat-don-vi");
        await _journey.SubmitAsync(id);
        await ApproveByCommitteeAsync(id);
        await ElapseDisclosureAsync(id, expectEnded: true);
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Appraiser, await _journey.TaskInInboxAsync(DemoAccounts.Appraiser, id), "chuyen-tiep", "Đủ điều kiện."), HttpStatusCode.OK);
        (await CurrentStepAsync(id)).Should().Be("ky-quyet-dinh");

        // The export names the current step.
        var sheet = await (await app.As(DemoAccounts.Appraiser)).GetAsync($"/api/exports/campaigns/{await _journey.CurrentCampaignAsync()}/nominations?format=csv");
        await ApiJourney.Expect(sheet, HttpStatusCode.OK);
        var csv = await sheet.Content.ReadAsStringAsync();
        csv.Should().Contain(",Quyết định khen thưởng,").And.NotContain("ky-quyet-dinh");

        // The decision finds the decision step and its award action ("ky") by meaning.
        app.Clock.Set(Testing.TestClock.At(2027, 1, 12));
        var decision = await (await app.As(DemoAccounts.Leader)).PostAsJsonAsync("/api/decisions", new
        {
            number = "301/QĐ-UBND", date = "2027-01-12", signerName = "Ngô Đức Mạnh", signerTitle = "Chủ tịch UBND tỉnh",
            citation = "Đã có thành tích xuất sắc", nominationIds = new[] { id },
        });
        await ApiJourney.Expect(decision, HttpStatusCode.Created);

        var detail = await _journey.DetailAsync(id);
        ((string)detail["status"]!).Should().Be("Awarded");
        ((string)detail["currentStep"]!).Should().Be("da-khen");
        var timeline = detail["timeline"]!.AsArray();
        timeline.Select(e => (string?)e!["stepKey"]).Where(s => s is not null).Distinct()
            .Should().ContainInOrder("de-xuat-don-vi", "ban-chi-dao-xet", "niem-yet", "tham-dinh-ho-so", "ky-quyet-dinh", "da-khen");
        var names = timeline.Select(e => (string?)e!["stepName"]).Where(s => s is not null).Distinct().ToList();
        names.Should().ContainInOrder("Đơn vị lập và trình hồ sơ", "Ban Chỉ đạo xem xét", "Công khai, lấy ý kiến", "Thẩm định", "Quyết định khen thưởng", "Đã khen thưởng");
        names.Should().NotContain(n => Keys.Any(k => n!.Contains(k.To)), "a person never sees a step key");
        timeline.Where(e => (string)e!["action"]! == "task.tra-lai").Select(e => (string?)e!["actionLabel"]).Should().Equal("Trả lại, yêu cầu bổ sung");

        // The same names on the pages a person reads.
        var browser = app.BrowserClient();
        await ApiJourney.Expect(await browser.PostAsJsonAsync("/api/auth/login",
            new { userName = DemoAccounts.OfficerTanHoa.UserName, password = DemoAccounts.Password, useCookie = true }), HttpStatusCode.NoContent);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/de-nghi/{id}"));
        page.Should().Contain("Trả lại, yêu cầu bổ sung").And.Contain("(Thẩm định)");
        foreach (var (_, key) in Keys)
            page.Should().NotContain($"({key})");
    }

    [Fact]
    public async Task The_inbox_page_names_the_step_of_a_renamed_route()
    {
        await PublishRenamedAsync();
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var id = await _journey.CreateAsync(await _journey.IndividualBodyAsync());
        await _journey.AttachRequiredAsync(id);
        await _journey.SubmitAsync(id);

        var browser = app.BrowserClient();
        await ApiJourney.Expect(await browser.PostAsJsonAsync("/api/auth/login",
            new { userName = DemoAccounts.SteeringStandingMember.UserName, password = DemoAccounts.Password, useCookie = true }), HttpStatusCode.NoContent);
        var inbox = WebUtility.HtmlDecode(await browser.GetStringAsync("/viec-can-xu-ly"));
        inbox.Should().Contain("Phạm Quốc Bảo").And.Contain("Ban Chỉ đạo xem xét").And.NotContain("ban-chi-dao-xet");
    }
}
