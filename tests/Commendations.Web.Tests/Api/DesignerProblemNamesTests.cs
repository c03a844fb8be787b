using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// The designer's problem list names steps as the administrator knows them — by their titles, in the page's language —
/// never by their keys; only a code that names no step is quoted, and the sentence says it is a code.
/// </summary>
public class DesignerProblemNamesTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private const string Definition = "bang-khen-chuyen-de";

    private static JsonObject Step(JsonObject document, string key) =>
        document["steps"]!.AsArray().Single(s => (string?)s!["key"] == key)!.AsObject();

    /// <summary>The shipped route with four mistakes an administrator can make in the designer.</summary>
    private async Task<(string Content, IReadOnlyList<string> Keys)> BrokenDraftAsync(HttpClient admin)
    {
        var view = (await admin.GetFromJsonAsync<JsonObject>($"/api/definitions/{Definition}/versions/2"))!;
        var document = JsonNode.Parse((string)view["content"]!)!.AsObject();
        var keys = document["steps"]!.AsArray().Select(s => (string)s!["key"]!).ToList();
        // A step nothing leads to.
        document["steps"]!.AsArray().Add(JsonNode.Parse("""
            { "type": "end", "key": "stray-end", "title": { "vi": "Kết thúc thừa", "en": "Stray end" }, "result": "Rejected" }
            """));
        // A re-entry deadline on a step that is never entered twice.
        Step(document, "decision")["deadline"] = JsonNode.Parse("""{ "workingDays": 10, "onReentry": { "workingDays": 3 } }""");
        // A rejection that ends the route as withdrawn, not rejected.
        Step(document, "decision")["actions"]![1]!["target"] = "withdrawn";
        // A target nobody wrote as a step.
        Step(document, "committee-review")["transitions"]!["rejected"] = "nowhere";
        return (document.ToJsonString(), [.. keys, "stray-end"]);
    }

    private static async Task<Dictionary<string, string>> ProblemsAsync(HttpClient admin, string content)
    {
        var response = await admin.PostAsJsonAsync("/api/definitions/validate", new { content });
        await ApiJourney.Expect(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!
            .GroupBy(p => (string)p!["path"]!).ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(p => (string)p!["message"]!)));
    }

    /// <summary>A key quoted as a name ("decision" inside "Award decision" is a word, not a key).</summary>
    private static bool ShowsAKey(string message, IReadOnlyList<string> keys) =>
        keys.Any(k => message.Contains($"“{k}”") || message.Contains($"'{k}'"));

    [Fact]
    public async Task Validating_a_draft_names_its_steps_by_their_titles_in_vietnamese_and_in_english()
    {
        var admin = await app.As(DemoAccounts.Admin);
        var (content, keys) = await BrokenDraftAsync(admin);

        var vietnamese = await ProblemsAsync(admin, content);

        vietnamese["$.steps[8]"].Should().Be("Không thể đi tới bước “Kết thúc thừa” từ bước bắt đầu.");
        vietnamese["$.steps[4].deadline.onReentry"].Should().Be(
            "Bước “Quyết định khen thưởng” không thể được vào lại (không nằm trên vòng nào của quy trình), nên onReentry không bao giờ được dùng.");
        vietnamese["$.steps[4].actions[1].target"].Should().Be(
            "Không đồng ý (reject) phải dẫn tới một bước kết thúc với kết quả Rejected, không phải “Đã rút”.");
        vietnamese["$.steps[1].transitions.rejected"].Should().Be("Bước đích có mã “nowhere” không tồn tại.",
            "a code that names no step is the subject: it is quoted and called a code");
        vietnamese.Values.Should().NotContain(m => ShowsAKey(m, keys), "no step is shown by its key");

        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var english = await ProblemsAsync(admin, content);

        english["$.steps[8]"].Should().Be("The step “Stray end” cannot be reached from the start step.");
        english["$.steps[4].deadline.onReentry"].Should().Be(
            "The step “Award decision” can never be entered again (it is on no loop of the route), so onReentry would never be used.");
        english["$.steps[4].actions[1].target"].Should().Be("A rejection must lead to an end step with result Rejected, not to “Withdrawn”.");
        english["$.steps[1].transitions.rejected"].Should().Be("The target step with the key “nowhere” does not exist.");
        english.Values.Should().NotContain(m => ShowsAKey(m, keys));
    }

    [Fact]
    public async Task Publishing_the_draft_is_refused_with_the_same_named_sentences_and_only_administrators_may_validate()
    {
        var admin = await app.As(DemoAccounts.Admin);
        var (content, keys) = await BrokenDraftAsync(admin);
        var created = await admin.PostAsJsonAsync($"/api/definitions/{Definition}/drafts", new { fromVersion = 2 });
        await ApiJourney.Expect(created, HttpStatusCode.OK);
        var version = (int)(await created.Content.ReadFromJsonAsync<JsonObject>())!["version"]!;
        var view = (await admin.GetFromJsonAsync<JsonObject>($"/api/definitions/{Definition}/versions/{version}"))!;
        var draft = JsonNode.Parse(content)!.AsObject();
        draft["version"] = version;
        await ApiJourney.Expect(await admin.PutAsJsonAsync($"/api/definitions/{Definition}/versions/{version}",
            new { content = draft.ToJsonString(), rowVersion = (uint)view["rowVersion"]! }), HttpStatusCode.OK);

        var saved = (await admin.GetFromJsonAsync<JsonObject>($"/api/definitions/{Definition}/versions/{version}"))!;
        saved["problems"]!.AsArray().Select(p => (string)p!["message"]!).Should().Contain("Không thể đi tới bước “Kết thúc thừa” từ bước bắt đầu.")
            .And.NotContain(m => ShowsAKey(m, keys));
        var refused = await admin.PostAsync($"/api/definitions/{Definition}/versions/{version}/publish", null);
        await ApiJourney.Expect(refused, HttpStatusCode.BadRequest);
        var errors = (await ApiJourney.Problem(refused))["errors"]!.AsObject();
        errors["$.steps[4].actions[1].target"]!.AsArray().Select(m => (string)m!).Should()
            .Contain("Không đồng ý (reject) phải dẫn tới một bước kết thúc với kết quả Rejected, không phải “Đã rút”.");

        var officer = await app.As(DemoAccounts.OfficerTanHoa);
        (await officer.PostAsJsonAsync("/api/definitions/validate", new { content })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
