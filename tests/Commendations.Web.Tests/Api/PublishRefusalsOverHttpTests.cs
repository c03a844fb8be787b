using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// Definitions that would strand a nomination are refused at publication, each problem at its JSON path, in the
/// reader's language: a role nobody has, a scope without a unit, an escalation role nobody holds, no proposal or no
/// submit action, a way to the award around the decision, a committee too small.
/// </summary>
public class PublishRefusalsOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private const string Definition = "bang-khen-chuyen-de";

    private static JsonObject Step(JsonObject document, string key) =>
        document["steps"]!.AsArray().Single(s => (string?)s!["key"] == key)!.AsObject();

    public static TheoryData<string, string, string, string> StuckCases() => new()
    {
        { "role", "$.steps[3].assignee.role", "Vai trò 'inspector' không tồn tại", "The role 'inspector' does not exist" },
        { "scope", "$.steps[3].assignee.scope", "Phạm vi đơn vị 'inspectorate' chưa được cấu hình", "The unit scope 'inspectorate' is not configured" },
        { "escalation", "$.steps[3].escalation.notifyRole", "Vai trò 'appraisalHead' không tồn tại", "The role 'appraisalHead' does not exist" },
        { "unheld", "$.steps[3].escalation.notifyRole", "Không có người dùng đang hoạt động nào giữ vai trò 'administrator' ở phạm vi đơn vị 'appraisal'",
            "No active user holds the role 'administrator' in the unit scope 'appraisal'" },
        { "no-proposal", "$.steps[0].meaning", "Quy trình cần bước đề nghị của đơn vị", "The definition needs the unit's proposal" },
        { "no-submit", "$.steps[0].actions", "cần đúng một thao tác có ý nghĩa trình hồ sơ (submit); hiện có 0", "needs exactly one action meaning submit; it has 0" },
        { "around-decision", "$.steps[3].actions[0].target", "mà không qua thao tác ký quyết định khen thưởng", "without passing a decision step's award action" },
        { "no-decision", "$.steps[5]", "cần một bước quyết định", "needs a decision step" },
        { "small-committee", "$.steps[1].required", "Cần 5 phiếu đồng ý nhưng ban, hội đồng 'bcd-qcdc' chỉ có 3 thành viên", "5 approvals are required but committee 'bcd-qcdc' has 3 members" },
    };

    private static void Break(JsonObject document, string stuck)
    {
        switch (stuck)
        {
            case "role": Step(document, "appraisal")["assignee"]!["role"] = "inspector"; break;
            case "scope": Step(document, "appraisal")["assignee"]!["scope"] = "inspectorate"; break;
            case "escalation": Step(document, "appraisal")["escalation"] = new JsonObject { ["notifyRole"] = "appraisalHead", ["scope"] = "appraisal" }; break;
            case "unheld": Step(document, "appraisal")["escalation"] = new JsonObject { ["notifyRole"] = "administrator", ["scope"] = "appraisal" }; break;
            case "no-proposal":
                Step(document, "unit-proposal").Remove("meaning");
                Step(document, "unit-proposal")["actions"]![0]!.AsObject().Remove("meaning");
                break;
            case "no-submit": Step(document, "unit-proposal")["actions"]![0]!.AsObject().Remove("meaning"); break;
            case "around-decision": Step(document, "appraisal")["actions"]![0]!["target"] = "awarded"; break;
            case "no-decision":
                Step(document, "decision").Remove("meaning");
                Step(document, "decision")["actions"]![0]!.AsObject().Remove("meaning");
                break;
            case "small-committee":
                var review = Step(document, "committee-review");
                review["type"] = "parallelApproval";
                review["required"] = 5;
                break;
        }
    }

    [Theory]
    [MemberData(nameof(StuckCases))]
    public async Task A_definition_that_would_strand_a_nomination_is_refused_at_publication_at_its_path_in_vietnamese_and_english(
        string stuck, string path, string vietnamese, string english)
    {
        var admin = await app.As(DemoAccounts.Admin);
        var created = await admin.PostAsJsonAsync($"/api/definitions/{Definition}/drafts", new { fromVersion = 1 });
        await ApiJourney.Expect(created, HttpStatusCode.OK);
        var version = (int)(await created.Content.ReadFromJsonAsync<JsonObject>())!["version"]!;
        var view = (await admin.GetFromJsonAsync<JsonObject>($"/api/definitions/{Definition}/versions/{version}"))!;
        var document = JsonNode.Parse((string)view["content"]!)!.AsObject();
        Break(document, stuck);
        await ApiJourney.Expect(await admin.PutAsJsonAsync($"/api/definitions/{Definition}/versions/{version}",
            new { content = document.ToJsonString(), rowVersion = (uint)view["rowVersion"]! }), HttpStatusCode.OK);

        var refused = await admin.PostAsync($"/api/definitions/{Definition}/versions/{version}/publish", null);
        await ApiJourney.Expect(refused, HttpStatusCode.BadRequest);
        var errors = (await ApiJourney.Problem(refused))["errors"]!.AsObject();
        errors.Should().ContainKey(path, $"the problem is reported where it is written; got {errors.ToJsonString()}");
        errors[path]!.AsArray().Select(m => (string)m!).Should().Contain(m => m.Contains(vietnamese));

        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var inEnglish = await admin.PostAsync($"/api/definitions/{Definition}/versions/{version}/publish", null);
        (await ApiJourney.Problem(inEnglish))["errors"]![path]!.AsArray().Select(m => (string)m!).Should().Contain(m => m.Contains(english));
        var validated = await admin.PostAsJsonAsync("/api/definitions/validate", new { content = document.ToJsonString() });
        (await validated.Content.ReadFromJsonAsync<JsonArray>())!.Should().Contain(p => (string)p!["path"]! == path && ((string)p["message"]!).Contains(english));

        var status = (await admin.GetFromJsonAsync<JsonObject>($"/api/definitions/{Definition}/versions/{version}"))!["status"]!.GetValue<string>();
        status.Should().Be("Draft", "nothing is published");
    }

    [Fact]
    public async Task The_organisation_is_exported_for_the_command_line_check()
    {
        var organisation = (await (await app.As(DemoAccounts.Admin)).GetFromJsonAsync<JsonObject>("/api/admin/organisation"))!;

        organisation["roles"]!.AsArray().Select(r => (string)r!).Should().Contain(["emulationOfficer", "appraiser", "provincialLeader"]);
        organisation["scopes"]!.AsObject().Select(s => s.Key).Should().BeEquivalentTo(["appraisal", "province", "inspection"]);
        organisation["heldRoles"]!.AsArray().Should().Contain(h => (string)h!["role"]! == "appraiser" && (string)h["scope"]! == "appraisal");
        organisation["committees"]!.AsArray().Should().Contain(c => (string)c!["code"]! == "hdtdkt" && (int)c["members"]! == 9 && (bool)c["hasChair"]!);
        await ApiJourney.Expect(await (await app.As(DemoAccounts.Appraiser)).GetAsync("/api/admin/organisation"), HttpStatusCode.Forbidden);
    }
}
