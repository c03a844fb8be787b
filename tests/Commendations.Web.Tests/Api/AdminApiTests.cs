using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commendations.Seeding;
using Commendations.Web.Tests.Auth;
using Commendations.Web.Tests.Infrastructure;

namespace Commendations.Web.Tests.Api;

/// <summary>The administration API: administrators only (403 for everyone else on each group), 400 field errors, and the dashboard.</summary>
public class AdminApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly (string Method, string Path, object? Body)[] EveryGroup =
    [
        ("GET", "/api/admin/units", null), ("POST", "/api/admin/units", new { code = "LG-X", name = "X", level = "Unit" }),
        ("PUT", $"/api/admin/units/{Guid.NewGuid()}", new { name = "X" }),
        ("GET", "/api/admin/users", null), ("POST", "/api/admin/users", new { userName = "x", displayName = "X", roles = new[] { "appraiser" } }),
        ("PUT", $"/api/admin/users/{Guid.NewGuid()}", new { displayName = "X", roles = new[] { "appraiser" } }),
        ("POST", $"/api/admin/users/{Guid.NewGuid()}/lock", null),
        ("GET", "/api/admin/committees", null), ("POST", "/api/admin/committees", new { code = "x", name = "X", kind = "Council" }),
        ("POST", $"/api/admin/committees/{Guid.NewGuid()}/members/{Guid.NewGuid()}/move", new { direction = "up" }),
        ("GET", "/api/admin/campaigns/editor", null), ("POST", "/api/admin/campaigns", new { code = "PT-X" }),
        ("GET", "/api/admin/award-forms", null), ("POST", "/api/admin/award-forms", new { code = "x" }),
        ("GET", "/api/admin/calendar/days", null), ("POST", "/api/admin/calendar/days", new { date = "2027-03-01", kind = "DayOff", name = "x" }),
        ("DELETE", "/api/admin/calendar/days/2027-02-04", null),
    ];

    private static HttpRequestMessage Request(string method, string path, object? body) =>
        new(new HttpMethod(method), path) { Content = body is null ? null : JsonContent.Create(body) };

    [Fact]
    public async Task Everyone_but_an_administrator_gets_403_on_every_administration_group()
    {
        foreach (var account in new[] { DemoAccounts.OfficerTanHoa, DemoAccounts.SteeringHead, DemoAccounts.Appraiser, DemoAccounts.Leader })
        {
            var client = await app.ClientFor(account);
            foreach (var (method, path, body) in EveryGroup)
                await (await client.SendAsync(Request(method, path, body))).ShouldBeProblem(HttpStatusCode.Forbidden);
        }
        await (await app.AnonymousClient().GetAsync("/api/admin/units")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bad_input_comes_back_as_400_with_the_fields_named()
    {
        var admin = await app.ClientFor(DemoAccounts.Admin);
        (await (await admin.PostAsJsonAsync("/api/admin/units", new { })).ShouldBeValidationProblem()).Errors.Keys
            .Should().Contain(["code", "name", "level", "parentId"]);
        (await (await admin.PostAsJsonAsync("/api/admin/users", new { userName = "Có Dấu" })).ShouldBeValidationProblem()).Errors.Keys
            .Should().Contain(["userName", "displayName", "roles"]);
        (await (await admin.PostAsJsonAsync("/api/admin/committees", new { code = "BAD CODE" })).ShouldBeValidationProblem()).Errors.Keys
            .Should().Contain(["code", "name", "kind"]);
        (await (await admin.PostAsJsonAsync("/api/admin/campaigns", new { code = "PT-2027-X", name = "X", type = "Thematic",
                periodStart = "2027-01-01", periodEnd = "2027-12-31", dossierOpen = "2027-12-20", dossierClose = "2027-12-01" })).ShouldBeValidationProblem()).Errors.Keys
            .Should().Contain(["dossierClose", "awards"]);
        (await (await admin.PostAsJsonAsync("/api/admin/award-forms", new { code = "x", name = "" })).ShouldBeValidationProblem()).Errors.Keys
            .Should().Contain(["name", "nomineeKinds"]);
        (await (await admin.PostAsJsonAsync("/api/admin/calendar/days", new { })).ShouldBeValidationProblem()).Errors.Keys
            .Should().Contain(["date", "kind", "name"]);
        var committees = await admin.GetFromJsonAsync<JsonElement>("/api/admin/committees");
        var steering = committees.EnumerateArray().Single(c => c.GetProperty("code").GetString() == DemoCatalog.SteeringCommittee);
        var first = steering.GetProperty("members")[0].GetProperty("userId").GetString();
        (await (await admin.PostAsJsonAsync($"/api/admin/committees/{steering.GetProperty("id").GetString()}/members/{first}/move", new { direction = "sideways" }))
            .ShouldBeValidationProblem()).Errors.Should().ContainKey("direction");
    }

    [Fact]
    public async Task An_administrator_does_everything_through_the_api()
    {
        var admin = await app.ClientFor(DemoAccounts.Admin);
        var units = await admin.GetFromJsonAsync<JsonElement>("/api/admin/units");
        var tanHoa = units.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == DemoUnits.TanHoa).GetProperty("id").GetString();

        var unit = await admin.PostAsJsonAsync("/api/admin/units", new { code = "LG-XTH-TYT", name = "Trạm Y tế xã Tân Hòa", level = "Unit", parentId = tanHoa });
        unit.StatusCode.Should().Be(HttpStatusCode.Created, await unit.Content.ReadAsStringAsync());
        var unitId = (await unit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        (await admin.PutAsJsonAsync($"/api/admin/units/{unitId}", new { name = "Trạm Y tế Tân Hòa", parentId = tanHoa })).StatusCode.Should().Be(HttpStatusCode.OK);

        var user = await admin.PostAsJsonAsync("/api/admin/users", new { userName = "canbo.tyt", displayName = "Lý Thị Mai", unitId, roles = new[] { "emulationOfficer" } });
        user.StatusCode.Should().Be(HttpStatusCode.Created, await user.Content.ReadAsStringAsync());
        var created = await user.Content.ReadFromJsonAsync<JsonElement>();
        var password = created.GetProperty("temporaryPassword").GetString()!;
        var userId = created.GetProperty("id").GetString();
        (await app.ClientFor("canbo.tyt", password)).Should().NotBeNull(); // the temporary password signs in
        (await admin.PostAsync($"/api/admin/users/{userId}/lock", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await app.AnonymousClient().PostAsJsonAsync("/api/auth/login", new { userName = "canbo.tyt", password })).StatusCode.Should().NotBe(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/admin/users/{userId}/unlock", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var me = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/users")).EnumerateArray().Single(u => u.GetProperty("userName").GetString() == DemoAccounts.Admin.UserName);
        await (await admin.PostAsync($"/api/admin/users/{me.GetProperty("id").GetString()}/lock", null)).ShouldBeProblem(HttpStatusCode.Conflict);

        var form = await admin.PostAsJsonAsync("/api/admin/award-forms", new { code = "giay-khen-so", name = "Giấy khen của Giám đốc Sở", nomineeKinds = new[] { "Individual" }, requiredDocuments = new[] { "SubmissionLetter" } });
        form.StatusCode.Should().Be(HttpStatusCode.Created, await form.Content.ReadAsStringAsync());
        var formId = (await form.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var campaign = await admin.PostAsJsonAsync("/api/admin/campaigns", new
        {
            code = "PT-2027-DVK", name = "Dân vận khéo năm 2027", type = "Thematic", periodStart = "2027-01-01", periodEnd = "2027-12-31",
            dossierOpen = "2027-11-20", dossierClose = "2027-12-10", awards = new[] { new { awardFormId = formId, workflowDefinitionId = "bang-khen-chuyen-de", quotaIndividuals = 5 } },
        });
        campaign.StatusCode.Should().Be(HttpStatusCode.Created, await campaign.Content.ReadAsStringAsync());
        var campaignId = (await campaign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var dashboard = await admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/dashboard");
        dashboard.GetProperty("total").GetInt32().Should().Be(0);

        var committee = await admin.PostAsJsonAsync("/api/admin/committees", new { code = "bcd-dvk", name = "Ban Chỉ đạo Dân vận khéo", kind = "SteeringCommittee" });
        committee.StatusCode.Should().Be(HttpStatusCode.Created, await committee.Content.ReadAsStringAsync());
        var committeeId = (await committee.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users");
        string IdOf(string userName) => users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("id").GetString()!;
        (await admin.PostAsJsonAsync($"/api/admin/committees/{committeeId}/members", new { userId = IdOf(DemoAccounts.SteeringHead.UserName), position = "Trưởng ban" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.PostAsJsonAsync($"/api/admin/committees/{committeeId}/members", new { userId = IdOf(DemoAccounts.SteeringDeputyHead.UserName), position = "Phó Trưởng ban" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var moved = await admin.PostAsJsonAsync($"/api/admin/committees/{committeeId}/members/{IdOf(DemoAccounts.SteeringDeputyHead.UserName)}/move", new { direction = "up" });
        (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("order")[0].GetString().Should().Be(IdOf(DemoAccounts.SteeringDeputyHead.UserName));
        (await admin.DeleteAsync($"/api/admin/committees/{committeeId}/members/{IdOf(DemoAccounts.SteeringHead.UserName)}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await admin.PostAsJsonAsync("/api/admin/calendar/days", new { date = "2027-03-06", kind = "WorkingDay", name = "Làm bù" })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await admin.DeleteAsync("/api/admin/calendar/days/2027-03-06")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
