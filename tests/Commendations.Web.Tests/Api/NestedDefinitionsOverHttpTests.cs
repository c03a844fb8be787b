using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Web.Tests.Infrastructure;

namespace Commendations.Web.Tests.Api;

/// <summary>Administering routes that call sub-routes and fork in parallel: validation against the published definitions, simulation, migration.</summary>
public class NestedDefinitionsOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private const string Caller = DemoCatalog.CollectiveTitlesWorkflow;
    private const string Callee = "kiem-tra-ky-luat";
    private readonly ApiJourney _journey = new(app);

    private static async Task<(int Version, JsonObject View)> NewDraftAsync(HttpClient admin, string definition)
    {
        var created = await admin.PostAsJsonAsync($"/api/definitions/{definition}/drafts", new { fromVersion = 1 });
        await ApiJourney.Expect(created, HttpStatusCode.OK);
        var version = (int)(await created.Content.ReadFromJsonAsync<JsonObject>())!["version"]!;
        return (version, (await admin.GetFromJsonAsync<JsonObject>($"/api/definitions/{definition}/versions/{version}"))!);
    }

    private static async Task SaveAsync(HttpClient admin, string definition, int version, JsonObject view, JsonObject content) =>
        await ApiJourney.Expect(await admin.PutAsJsonAsync($"/api/definitions/{definition}/versions/{version}",
            new { content = content.ToJsonString(), rowVersion = (uint)view["rowVersion"]! }), HttpStatusCode.OK);

    [Fact]
    public async Task A_call_to_an_unpublished_route_and_a_callee_version_its_callers_cannot_receive_are_refused_at_their_paths()
    {
        var admin = await app.As(DemoAccounts.Admin);
        var (_, callerView) = await NewDraftAsync(admin, Caller);
        var caller = JsonNode.Parse((string)callerView["content"]!)!.AsObject();
        caller["steps"]![2]!["definition"] = "kiem-tra-chua-ban-hanh";
        var problems = await (await admin.PostAsJsonAsync("/api/definitions/validate", new { content = caller.ToJsonString() })).Content.ReadFromJsonAsync<JsonArray>();
        problems!.Select(p => $"{p!["path"]}: {p["message"]}").Should().ContainSingle()
            .Which.Should().Be("$.steps[2].definition: Quy trình 'kiem-tra-chua-ban-hanh' chưa có phiên bản nào đã ban hành.");

        // A new version of the shared check that can also end Withdrawn: the published caller has no transition for it.
        var (version, calleeView) = await NewDraftAsync(admin, Callee);
        var callee = JsonNode.Parse((string)calleeView["content"]!)!.AsObject();
        callee["steps"]![0]!["actions"]!.AsArray().Add(new JsonObject { ["name"] = "withdraw-request", ["target"] = "dropped" });
        callee["steps"]!.AsArray().Add(new JsonObject { ["type"] = "end", ["key"] = "dropped", ["result"] = "Withdrawn" });
        await SaveAsync(admin, Callee, version, calleeView, callee);
        var publish = await admin.PostAsync($"/api/definitions/{Callee}/versions/{version}/publish", null);
        publish.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await ApiJourney.Problem(publish))["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().Equal("$.steps[3].result");
        ((string)errors["$.steps[3].result"]![0]!).Should().Be(
            "Quy trình “Cờ thi đua và Tập thể lao động xuất sắc – thẩm định song song” phiên bản 2 gọi quy trình này ở bước “Kiểm tra kỷ luật, khiếu nại” "
            + "nhưng không có chuyển tiếp cho kết quả “Đã rút”: hồ sơ đi qua đó sẽ bị kẹt.", "the caller and its step are named, never by their codes");
    }

    [Fact]
    public async Task A_simulation_acts_on_branch_tasks_and_on_the_sub_route_task()
    {
        var admin = await app.As(DemoAccounts.Admin);
        var simulation = await admin.PostAsJsonAsync($"/api/definitions/{Caller}/versions/1/simulate", JsonNode.Parse("""
            { "start": "2026-12-01T09:00:00+07:00", "facts": { "kind": "collective", "awardForm": "co-thi-dua-tinh", "dossierClose": "2026-12-15" },
              "actions": [ { "action": "submit" }, { "action": "approve", "step": "inspectorate" }, { "action": "approve", "step": "commendation-office" },
                           { "action": "clear" }, { "action": "award" } ] }
            """));
        await ApiJourney.Expect(simulation, HttpStatusCode.OK);
        var result = (await simulation.Content.ReadFromJsonAsync<JsonObject>())!;
        ((string?)result["result"]).Should().Be("Awarded", result.ToJsonString());
        result["path"]!.AsArray().Select(s => (string)s!["stepKey"]!).Should().ContainInOrder("joint-check", "discipline-check/complaint-check", "decision");
        result["tasks"]!.AsArray().Should().Contain(t => (string)t!["taskId"]! == "joint-check/inspectorate:r1:3" && (string)t["outcome"]! == "approve");
    }

    [Fact]
    public async Task A_nomination_inside_the_sub_route_migrates_to_a_new_version_and_its_check_goes_on()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var id = await _journey.CreateAsync(await _journey.CollectiveTitleBodyAsync(DemoCatalog.EmulationFlag, "UBND xã Tân Hòa"));
        await _journey.AttachWithMinutesAsync(id);
        await _journey.SubmitAsync(id);
        foreach (var account in new[] { DemoAccounts.Appraiser, DemoAccounts.Inspector })
            await ApiJourney.Expect(await _journey.ActAsync(account, (await _journey.InboxAsync(account, id)).Single()["taskId"]!.GetValue<Guid>(), "approve"), HttpStatusCode.OK);
        var check = (await _journey.InboxAsync(DemoAccounts.Inspector, id)).Single()["taskId"]!.GetValue<Guid>();

        var admin = await app.As(DemoAccounts.Admin);
        var (version, view) = await NewDraftAsync(admin, Caller);
        var content = JsonNode.Parse((string)view["content"]!)!.AsObject();
        content["steps"]![3]!["deadline"]!["workingDays"] = 15;
        await SaveAsync(admin, Caller, version, view, content);
        await ApiJourney.Expect(await admin.PostAsync($"/api/definitions/{Caller}/versions/{version}/publish", null), HttpStatusCode.OK);

        var nested = await admin.PostAsJsonAsync($"/api/definitions/{Caller}/migrations", new
        {
            toVersion = version, nominationIds = new[] { id }, mapping = new Dictionary<string, string> { ["discipline-check/complaint-check"] = "decision" },
        });
        await ApiJourney.Expect(nested, HttpStatusCode.OK);
        var refused = (await nested.Content.ReadFromJsonAsync<JsonArray>())![0]!;
        ((bool)refused["succeeded"]!).Should().BeFalse();
        ((string)refused["reason"]!).Should().Contain("(“Kiểm tra kỷ luật, khiếu nại”)").And.NotContain("discipline-check");

        var preview = await admin.PostAsJsonAsync($"/api/definitions/{Caller}/migrations/preview", new { toVersion = version, nominationIds = new[] { id } });
        await ApiJourney.Expect(preview, HttpStatusCode.OK);
        var plan = (await preview.Content.ReadFromJsonAsync<JsonArray>())![0]!["preview"]!;
        ((string)plan["landingStep"]!).Should().Be("discipline-check");
        plan["closingTasks"]!.AsArray().Should().BeEmpty("the check goes on: nothing closes");
        var migrated = await admin.PostAsJsonAsync($"/api/definitions/{Caller}/migrations", new { toVersion = version, nominationIds = new[] { id }, comment = "Hạn quyết định 15 ngày." });
        ((bool)(await migrated.Content.ReadFromJsonAsync<JsonArray>())![0]!["succeeded"]!).Should().BeTrue();

        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Inspector, check, "clear"), HttpStatusCode.OK);
        var detail = await _journey.DetailAsync(id);
        ((int)detail["workflowVersion"]!).Should().Be(version);
        ((string)detail["currentStep"]!).Should().Be("decision");
        detail["openTasks"]!.AsArray().Single()!["dueAt"]!.GetValue<DateTimeOffset>().Should().Be(DateTimeOffset.Parse("2026-12-22T17:00:00+07:00"), "v2's 15 working days");
    }
}
