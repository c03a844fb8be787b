using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;

namespace Commendations.Web.Tests.Api;

/// <summary>Eligibility rules and results over HTTP: administrators add and list versions; reviewers read a nomination's check; refusals.</summary>
public class RegistryEligibilityRulesOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private readonly ApiJourney _journey = new(app);

    [Fact]
    public async Task Administrators_add_rule_versions_reviewers_read_the_stored_check_and_others_are_refused()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var admin = await app.As(DemoAccounts.Admin);
        var added = await admin.PostAsJsonAsync("/api/eligibility-rules", new
        {
            awardFormCode = DemoCatalog.CertificateOfMerit, effectiveFrom = "2026-01-01", legalBasis = "Quy định 2026",
            rules = new { rules = new object[] { new { key = "advanced-share", kind = "minShare", label = "≥ 90 % lao động tiên tiến", appliesTo = new[] { "collective" }, numerator = "advancedWorkerCount", denominator = "memberCount", min = 0.9 } } },
        });
        await ApiJourney.Expect(added, HttpStatusCode.Created);
        // The seed holds three versions (before the 2022 Law, from 01/01/2024, from Decree 152/2025/NĐ-CP on 01/07/2025).
        (await added.Content.ReadFromJsonAsync<JsonObject>())!["version"]!.GetValue<int>().Should().Be(4);
        (await admin.GetFromJsonAsync<JsonArray>($"/api/eligibility-rules?awardForm={DemoCatalog.CertificateOfMerit}"))!.Should().HaveCount(4);

        var id = await _journey.CreateAsync(await _journey.CollectiveBodyAsync());
        await _journey.AttachRequiredAsync(id);
        await _journey.SubmitAsync(id);
        var check = (await (await app.As(DemoAccounts.SteeringHead)).GetFromJsonAsync<JsonObject>($"/api/nominations/{id}/eligibility"))!;
        check["overall"]!.GetValue<string>().Should().Be("Failed");
        check["ruleSetVersion"]!.GetValue<int>().Should().Be(4);
        check["rules"]!.AsArray().Single()!["detail"]!.GetValue<string>().Should().Contain("35/42");

        await ApiJourney.Expect(await (await app.As(DemoAccounts.OfficerDongXuyen)).GetAsync($"/api/nominations/{id}/eligibility"), HttpStatusCode.NotFound);
        await ApiJourney.Expect(await (await app.As(DemoAccounts.OfficerTanHoa)).GetAsync("/api/eligibility-rules"), HttpStatusCode.Forbidden);
        await ApiJourney.Expect(await (await app.As(DemoAccounts.Leader)).PostAsJsonAsync("/api/eligibility-rules",
            new { awardFormCode = DemoCatalog.CertificateOfMerit, effectiveFrom = "2030-01-01", rules = new { rules = Array.Empty<object>() } }), HttpStatusCode.Forbidden);
        var bad = await admin.PostAsJsonAsync("/api/eligibility-rules", new { awardFormCode = "", effectiveFrom = "2030-01-01", rules = "none" });
        await ApiJourney.Expect(bad, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(bad))["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo(["awardFormCode", "rules"]);
        var badRules = await admin.PostAsJsonAsync("/api/eligibility-rules", new
        {
            awardFormCode = DemoCatalog.CertificateOfMerit, effectiveFrom = "2030-01-01", rules = new { rules = new[] { new { key = "a", kind = "oops", label = "x" } } },
        });
        await ApiJourney.Expect(badRules, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(badRules))["errors"]!["rules"]![0]!.GetValue<string>().Should().StartWith("$.rules[0].kind:");
    }
}
