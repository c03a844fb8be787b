using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// A new route starts from a template with an id chosen by the administrator: version 1 is a draft that validates against
/// the demo organisation, publishes, and a nomination entered in a campaign using it stands at its proposal step.
/// </summary>
public class NewDefinitionFromTemplateTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private readonly ApiJourney _journey = new(app);

    [Theory]
    [InlineData("tu-dau", "mau-tu-dau")]
    [InlineData("ban-chi-dao-tuan-tu", "mau-ban-chi-dao")]
    [InlineData("hoi-dong-bo-phieu", "mau-hoi-dong")]
    public async Task Each_template_makes_a_valid_draft_that_publishes_and_runs_a_nomination_to_its_first_task(string template, string id)
    {
        var admin = await app.As(DemoAccounts.Admin);
        var templates = (await admin.GetFromJsonAsync<JsonArray>("/api/definitions/templates"))!;
        templates.Select(t => (string?)t!["key"]).Should().Contain(template);
        templates.Should().OnlyContain(t => ((string)t!["title"]!).Length > 0 && ((string)t["summary"]!).Length > 0);

        var created = await admin.PostAsJsonAsync("/api/definitions", new { definitionId = id, name = "Quy trình thử từ mẫu", templateKey = template });
        await ApiJourney.Expect(created, HttpStatusCode.OK);
        ((int)(await created.Content.ReadFromJsonAsync<JsonObject>())!["version"]!).Should().Be(1);

        var view = (await admin.GetFromJsonAsync<JsonObject>($"/api/definitions/{id}/versions/1"))!;
        var content = (string)view["content"]!;
        content.Should().NotContain("@committee").And.NotContain("@awardForm");
        var problems = await (await admin.PostAsJsonAsync("/api/definitions/validate", new { content })).Content.ReadFromJsonAsync<JsonArray>();
        problems.Should().BeEmpty();
        await ApiJourney.Expect(await admin.PostAsync($"/api/definitions/{id}/versions/1/publish", null), HttpStatusCode.OK);

        // A campaign of the route's first award form, then a nomination of its first nominee kind.
        var document = JsonNode.Parse(content)!;
        var awardForm = (string)document["appliesTo"]!["awardForms"]![0]!;
        var kind = (string)document["appliesTo"]!["nomineeKinds"]![0]!;
        var editor = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/campaigns/editor"))!;
        var formId = (string)editor["awardForms"]!.AsArray().Single(f => (string?)f!["code"] == awardForm)!["id"]!;
        var campaign = await admin.PostAsJsonAsync("/api/admin/campaigns", new
        {
            code = $"PT-{id}".ToUpperInvariant(), name = $"Phong trào thử {id}", type = "Thematic", periodStart = "2026-01-01", periodEnd = "2027-12-31",
            dossierOpen = "2026-11-01", dossierClose = "2027-06-30", awards = new[] { new { awardFormId = formId, workflowDefinitionId = id, quotaIndividuals = 5, quotaCollectives = 5 } },
        });
        await ApiJourney.Expect(campaign, HttpStatusCode.Created);
        var campaignId = (await campaign.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        object body = kind == "individual"
            ? new { campaignId, awardFormCode = awardForm, kind = "Individual", person = new { fullName = "Phạm Quốc Bảo", gender = "Male", birthYear = 1990, position = "Chuyên viên" }, achievementSummary = "Số hóa hồ sơ một cửa." }
            : new { campaignId, awardFormCode = awardForm, kind = "Collective", collective = new { name = "Trung tâm Phục vụ hành chính công tỉnh", headcount = 42, women = 30, advancedWorkers = 35 }, achievementSummary = "Giải quyết thủ tục hành chính đúng hạn 100%." };
        var nomination = await _journey.CreateAsync(body);

        var detail = await _journey.DetailAsync(nomination);
        ((string?)detail["currentStep"]).Should().Be("de-xuat");
        ((string?)detail["currentStepName"]).Should().Be("Đơn vị lập và trình hồ sơ");
        await using var db = _journey.CreateDbContext();
        (await db.WorkflowInstances.Where(i => i.NominationId == nomination).Select(i => i.DefinitionId).SingleAsync()).Should().Be(id);
    }

    [Fact]
    public async Task A_used_id_a_malformed_id_and_an_unknown_template_are_refused_on_their_field_and_nothing_is_created()
    {
        var admin = await app.As(DemoAccounts.Admin);

        var used = await admin.PostAsJsonAsync("/api/definitions", new { definitionId = "csdt-tinh", name = "Trùng mã", templateKey = "tu-dau" });
        var malformed = await admin.PostAsJsonAsync("/api/definitions", new { definitionId = "Quy Trình Mới", name = "Mã sai", templateKey = "tu-dau" });
        var unknown = await admin.PostAsJsonAsync("/api/definitions", new { definitionId = "mau-khong-co", name = "Mẫu lạ", templateKey = "khong-co" });

        foreach (var (response, field) in new[] { (used, "definitionId"), (malformed, "definitionId"), (unknown, "templateKey") })
        {
            await ApiJourney.Expect(response, HttpStatusCode.BadRequest);
            var errors = (await ApiJourney.Problem(response))["errors"]!.AsObject();
            errors.Should().ContainKey(field);
            ((string)errors[field]![0]!).Should().MatchRegex("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]", "the refusal is written in Vietnamese");
        }
        await using var db = _journey.CreateDbContext();
        (await db.WorkflowDefinitions.CountAsync(d => d.DefinitionId == "csdt-tinh")).Should().Be(2, "the shipped v1 and v2, nothing added");
        (await db.WorkflowDefinitions.AnyAsync(d => d.DefinitionId == "mau-khong-co" || d.DefinitionId == "Quy Trình Mới")).Should().BeFalse();
    }

    [Fact]
    public async Task The_administrator_picks_the_award_form_the_new_route_is_for_and_an_unknown_one_is_refused_on_its_field()
    {
        var admin = await app.As(DemoAccounts.Admin);
        var created = await admin.PostAsJsonAsync("/api/definitions", new { definitionId = "mau-chien-si", name = "Chiến sĩ thi đua", templateKey = "tu-dau", awardFormCode = DemoCatalog.ProvincialEmulationFighter });
        await ApiJourney.Expect(created, HttpStatusCode.OK);
        var content = (string)(await admin.GetFromJsonAsync<JsonObject>("/api/definitions/mau-chien-si/versions/1"))!["content"]!;
        JsonNode.Parse(content)!["appliesTo"]!["awardForms"]!.AsArray().Select(f => (string?)f).Should().Equal(DemoCatalog.ProvincialEmulationFighter);

        var unknown = await admin.PostAsJsonAsync("/api/definitions", new { definitionId = "mau-hinh-thuc-la", name = "Hình thức lạ", templateKey = "tu-dau", awardFormCode = "khong-co" });
        await ApiJourney.Expect(unknown, HttpStatusCode.BadRequest);
        ((string)(await ApiJourney.Problem(unknown))["errors"]!["awardFormCode"]![0]!).Should().Be("Chọn một hình thức khen thưởng trong danh sách.");
        await using var db = _journey.CreateDbContext();
        (await db.WorkflowDefinitions.AnyAsync(d => d.DefinitionId == "mau-hinh-thuc-la")).Should().BeFalse();
    }

    [Fact]
    public async Task A_non_administrator_is_refused()
    {
        var officer = await app.As(DemoAccounts.OfficerTanHoa);
        (await officer.GetAsync("/api/definitions/templates")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await officer.PostAsJsonAsync("/api/definitions", new { definitionId = "mau-cam", name = "Cấm", templateKey = "tu-dau" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await using var db = _journey.CreateDbContext();
        (await db.WorkflowDefinitions.AnyAsync(d => d.DefinitionId == "mau-cam")).Should().BeFalse();
    }
}
