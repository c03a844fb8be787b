using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Tests.Api;

/// <summary>A simulation names the people it would give tasks to and says what an escalation does, never an id or a code.</summary>
public class SimulationNamesTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Committee_members_are_named_and_the_escalation_is_a_sentence()
    {
        var admin = await app.As(DemoAccounts.Admin);
        var response = await admin.PostAsJsonAsync("/api/definitions/bang-khen-chuyen-de/versions/1/simulate", JsonNode.Parse("""
            { "start": "2026-12-01T09:00:00+07:00", "facts": { "kind": "collective", "awardForm": "bang-khen-tinh", "dossierClose": "2026-12-10" },
              "actions": [ { "action": "submit" }, { "action": "approve" }, { "action": "approve" } ] }
            """));
        await ApiJourney.Expect(response, HttpStatusCode.OK);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        var assignees = result["assignees"]!.AsObject().Select(a => (string)a.Value!).ToList();
        assignees.Should().HaveCount(result["tasks"]!.AsArray().Count);
        assignees.Should().Contain(ApiJourney.Steering.Take(2).Select(m => m.DisplayName));
        assignees.Where(a => Guid.TryParse(a, out var _)).Should().BeEmpty();
        assignees.Should().NotContain(a => a.Contains('@') || a.Contains("emulationOfficer"));
        assignees.Should().Contain(a => a.StartsWith("Cán bộ thi đua"));

        var escalations = result["escalations"]!.AsObject().Select(e => (string)e.Value!).ToList();
        escalations.Should().Contain("Khi đến hạn: báo Chủ tịch Hội đồng / Trưởng Ban");
        escalations.Should().NotContain(e => e.Contains("committeeChair") || e.Contains("notifyRole"));
        result["outcomes"]!.AsObject().Select(o => (string)o.Value!).Should().Contain(["Trình hồ sơ", "Đồng ý"]).And.NotContain(["submit", "approve"]);
    }

    [Fact]
    public async Task A_refused_scenario_action_names_the_person_or_role_it_was_asked_for_never_an_id_or_code()
    {
        var admin = await app.As(DemoAccounts.Admin);
        Guid headId;
        await using (var db = new ApiJourney(app).CreateDbContext())
            headId = await db.Users.Where(u => u.UserName == DemoAccounts.SteeringHead.UserName).Select(u => u.Id).SingleAsync();

        async Task<string> RefusalAsync(string actingAs)
        {
            var response = await admin.PostAsJsonAsync("/api/definitions/bang-khen-chuyen-de/versions/2/simulate", JsonNode.Parse($$"""
                { "start": "2026-12-01T09:00:00+07:00", "facts": { "kind": "collective", "awardForm": "bang-khen-tinh", "dossierClose": "2026-12-10" },
                  "actions": [ { "action": "submit" }, { "action": "approve", "as": "{{actingAs}}" } ] }
                """));
            await ApiJourney.Expect(response, HttpStatusCode.OK);
            return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["refusal"]!["reason"]!;
        }

        // The head acts third in rank order: no task of theirs is open yet at the committee's review.
        (await RefusalAsync(headId.ToString())).Should().Be(
            $"Không có việc nào của “{DemoAccounts.SteeringHead.DisplayName}” đang mở ở bước “Ban Chỉ đạo xem xét” cho thao tác “Đồng ý”.");
        (await RefusalAsync("appraiser")).Should().Contain("“chuyên viên thẩm định”").And.NotContain("appraiser");
    }
}
