using System.Net;
using System.Net.Http.Json;
using System.Text;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Tests.Api;

/// <summary>Bad input gets a clear 4xx, ProblemDetails naming the field, and changes nothing. Never a 500.</summary>
public class BadInputTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private readonly ApiJourney _journey = new(app);

    private async Task<(Guid Id, int Documents, int Nominations)> DraftAsync()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var id = await _journey.CreateAsync(await _journey.CollectiveBodyAsync());
        await using var db = _journey.CreateDbContext();
        return (id, await db.Documents.CountAsync(), await db.Nominations.CountAsync());
    }

    private async Task ShouldBeUnchanged((Guid Id, int Documents, int Nominations) before)
    {
        await using var db = _journey.CreateDbContext();
        (await db.Documents.CountAsync()).Should().Be(before.Documents);
        (await db.Nominations.CountAsync()).Should().Be(before.Nominations);
    }

    [Fact]
    public async Task An_oversized_upload_is_refused()
    {
        var draft = await DraftAsync();
        var big = new byte[12 * 1024 * 1024];
        "%PDF-"u8.CopyTo(big);

        var response = await (await app.As(DemoAccounts.OfficerTanHoa)).PostAsync($"/api/nominations/{draft.Id}/documents", ApiJourney.Upload("Other", "big.pdf", big));

        ((int)response.StatusCode).Should().BeOneOf(400, 413);
        await ShouldBeUnchanged(draft);
    }

    [Fact]
    public async Task A_file_just_over_the_limit_gets_a_field_error()
    {
        var draft = await DraftAsync();
        var big = new byte[10 * 1024 * 1024 + 1];
        "%PDF-"u8.CopyTo(big);

        var response = await (await app.As(DemoAccounts.OfficerTanHoa)).PostAsync($"/api/nominations/{draft.Id}/documents", ApiJourney.Upload("Other", "big.pdf", big));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(response))["errors"]!["file"]![0]!.GetValue<string>().Should().StartWith("Tệp tối đa 10 MB; tệp đã chọn nặng 10 MB");
        await ShouldBeUnchanged(draft);
    }

    [Theory]
    [InlineData("virus.exe", "MZ\u0090\u0000")]
    [InlineData("fake.pdf", "this is plain text pretending to be a PDF")]
    public async Task A_wrong_type_upload_is_a_field_error(string fileName, string content)
    {
        var draft = await DraftAsync();

        var response = await (await app.As(DemoAccounts.OfficerTanHoa)).PostAsync($"/api/nominations/{draft.Id}/documents",
            ApiJourney.Upload("Other", fileName, Encoding.Latin1.GetBytes(content), "application/pdf"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(response))["errors"]!["file"]!.ToString().Should().Contain("PDF, DOCX, PNG, JPEG");
        await ShouldBeUnchanged(draft);
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        var draft = await DraftAsync();
        var client = await app.As(DemoAccounts.OfficerTanHoa);

        var response = await client.PostAsync("/api/nominations", new StringContent("{\"kind\": \"Collective\",", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await ShouldBeUnchanged(draft);
    }

    [Fact]
    public async Task An_unknown_enum_value_is_400_naming_the_field()
    {
        var draft = await DraftAsync();
        var client = await app.As(DemoAccounts.OfficerTanHoa);

        var response = await client.PostAsJsonAsync("/api/nominations", new { campaignId = Guid.NewGuid(), awardFormCode = "x", kind = "Alien", achievementSummary = "x" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("kind");
        await ShouldBeUnchanged(draft);
    }

    [Fact]
    public async Task Missing_fields_are_each_listed()
    {
        var draft = await DraftAsync();

        var officer = await app.As(DemoAccounts.OfficerTanHoa);
        var response = await officer.PostAsJsonAsync("/api/nominations", new { kind = "Individual" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await ApiJourney.Problem(response))["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().BeEquivalentTo(["campaignId", "awardFormCode", "achievementSummary"]);
        errors["campaignId"]![0]!.GetValue<string>().Should().Contain("bắt buộc");

        // What is required only for some kinds is checked once the body is complete: an individual needs a person.
        var noPerson = await officer.PostAsJsonAsync("/api/nominations",
            new { kind = "Individual", campaignId = Guid.NewGuid(), awardFormCode = "BK-UBND", achievementSummary = "" });
        noPerson.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(noPerson))["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["person", "achievementSummary"]);
        await ShouldBeUnchanged(draft);
    }

    [Fact]
    public async Task Overlong_strings_are_refused_with_the_limit()
    {
        var draft = await DraftAsync();
        var body = new
        {
            campaignId = await _journey.CurrentCampaignAsync(), awardFormCode = DemoCatalog.CertificateOfMerit, kind = "Collective",
            collective = new { name = new string('x', 301), headcount = 10, women = 1, advancedWorkers = 1 },
            achievementSummary = new string('y', 4001),
        };

        var response = await (await app.As(DemoAccounts.OfficerTanHoa)).PostAsJsonAsync("/api/nominations", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await ApiJourney.Problem(response))["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().Contain(["achievementSummary", "collective.name"]);
        await ShouldBeUnchanged(draft);
    }

    [Fact]
    public async Task Unknown_ids_are_404_not_500()
    {
        var client = await app.As(DemoAccounts.SteeringHead);

        (await client.GetAsync($"/api/nominations/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.PostAsJsonAsync($"/api/tasks/{Guid.NewGuid()}/actions", new { action = "approve" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/campaigns/{Guid.NewGuid()}/progress")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/nominations/not-a-guid")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_campaign_or_award_form_is_a_field_error()
    {
        var draft = await DraftAsync();
        var client = await app.As(DemoAccounts.OfficerTanHoa);

        var unknownCampaign = await client.PostAsJsonAsync("/api/nominations", new
        {
            campaignId = Guid.NewGuid(), awardFormCode = DemoCatalog.CertificateOfMerit, kind = "Collective",
            collective = new { name = "x", headcount = 1, women = 0, advancedWorkers = 0 }, achievementSummary = "x",
        });
        var wrongForm = await client.PostAsJsonAsync("/api/nominations", new
        {
            campaignId = await _journey.CurrentCampaignAsync(), awardFormCode = DemoCatalog.ProvincialEmulationFighter, kind = "Collective",
            collective = new { name = "x", headcount = 1, women = 0, advancedWorkers = 0 }, achievementSummary = "x",
        });

        ((string)(await ApiJourney.Problem(unknownCampaign))["errors"]!["campaignId"]![0]!).Should().Be("Không có phong trào thi đua này.");
        (await ApiJourney.Problem(wrongForm))["errors"]!["awardFormCode"].Should().NotBeNull();
        await ShouldBeUnchanged(draft);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_endpoints()
    {
        var document = await app.AnonymousClient().GetStringAsync("/api/openapi/v1.json");

        document.Should().Contain("/api/nominations").And.Contain("/api/tasks/{taskId}/actions").And.Contain("/api/decisions");
    }
}
