using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;

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
}
