using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;

namespace Commendations.Web.Tests.Api;

/// <summary>The designer's side panel is built from these two answers: the step types and the organisation's pickers.</summary>
public class DesignerCatalogueApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private static JsonObject Type(JsonArray types, string key) => types.Single(t => (string)t!["key"]! == key)!.AsObject();

    private static JsonObject Property(JsonObject type, string path) =>
        type["properties"]!.AsArray().Single(p => (string)p!["path"]! == path)!.AsObject();

    [Fact]
    public async Task Step_types_describe_each_type_in_the_readers_language()
    {
        var admin = await app.As(DemoAccounts.Admin);
        var types = (await admin.GetFromJsonAsync<JsonArray>("/api/definitions/step-types"))!;

        types.Select(t => (string)t!["key"]!).Should().Contain(["task", "vote", "wait", "end", "subRoute"]);
        var vote = Type(types, "vote");
        ((string)vote["name"]!).Should().Be("Bỏ phiếu");
        var committee = Property(vote, "committee");
        ((string)committee["kind"]!).Should().Be("committee");
        ((bool)committee["required"]!).Should().BeTrue();
        ((decimal)Property(vote, "quorum")["max"]!).Should().Be(1);
        Property(vote, "recusal")["values"]!.AsArray().Select(v => ((string)v!["value"]!, (string)v["name"]!))
            .Should().Equal(("countsAsAbsent", "Tính như vắng mặt"), ("reducesMembership", "Không tính vào tổng số thành viên"));
        vote["outcomes"]!.AsArray().Where(o => (bool)o!["required"]!).Select(o => (string)o!["name"]!).Should().Equal("passed", "failed");
        Type(types, "wait")["meanings"]!.AsArray().Select(m => (string)m!["value"]!).Should().Equal("disclosure");

        var english = await app.As(DemoAccounts.Admin);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var inEnglish = (await english.GetFromJsonAsync<JsonArray>("/api/definitions/step-types"))!;
        ((string)Type(inEnglish, "vote")["name"]!).Should().Be("Vote");
        ((string)Property(Type(inEnglish, "vote"), "committee")["name"]!).Should().Be("Committee");
    }

    [Fact]
    public async Task The_organisation_offers_committees_roles_configured_scopes_users_and_award_forms_by_name()
    {
        var admin = await app.As(DemoAccounts.Admin);
        var organisation = (await admin.GetFromJsonAsync<JsonObject>("/api/definitions/organisation"))!;

        var committees = organisation["committees"]!.AsArray();
        committees.Should().NotBeEmpty();
        committees.Should().OnlyContain(c => !string.IsNullOrWhiteSpace((string)c!["name"]!) && (string)c["name"]! != (string)c["code"]!);
        committees.Should().Contain(c => (int)c!["activeMembers"]! > 0);
        organisation["roles"]!.AsArray().Should().Contain(r => (string)r!["value"]! == "appraiser" && (string)r["name"]! == "Chuyên viên thẩm định");
        var scopes = organisation["scopes"]!.AsArray().Select(s => (string)s!["value"]!).ToList();
        scopes.Should().Contain("nominating").And.Contain("appraisal");
        scopes.Except(["nominating"]).Should().BeSubsetOf(DemoUnits.Scopes.Keys, "only configured scopes are offered");
        organisation["users"]!.AsArray().Should().Contain(u => (string)u!["fullName"]! != "" && u["unit"] != null);
        organisation["awardForms"]!.AsArray().Should().Contain(f => (string)f!["value"]! == "bang-khen-tinh");
    }

    [Fact]
    public async Task A_renamed_step_is_one_change_named_by_its_title_in_the_diff()
    {
        const string definition = "csdt-tinh";
        var admin = await app.As(DemoAccounts.Admin);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var created = await admin.PostAsJsonAsync($"/api/definitions/{definition}/drafts", new { fromVersion = 1 });
        await ApiJourney.Expect(created, System.Net.HttpStatusCode.OK);
        var version = (int)(await created.Content.ReadFromJsonAsync<JsonObject>())!["version"]!;
        var view = (await admin.GetFromJsonAsync<JsonObject>($"/api/definitions/{definition}/versions/{version}"))!;
        var content = ((string)view["content"]!).Replace("\"council-vote\"", "\"council-ballot\"", StringComparison.Ordinal);
        await ApiJourney.Expect(await admin.PutAsJsonAsync($"/api/definitions/{definition}/versions/{version}",
            new { content, rowVersion = (uint)view["rowVersion"]! }), System.Net.HttpStatusCode.OK);

        var diff = (await admin.GetFromJsonAsync<JsonArray>($"/api/definitions/{definition}/diff?from=1&to={version}"))!;

        diff.Select(c => (string)c!["kind"]!).Should().Equal("StepRenamed");
        ((string)diff[0]!["description"]!).Should().Be("Step “Council vote”: its internal key changed; its content is unchanged.",
            "the step is named by its title in the reader's language; the keys are the values that changed");
    }
}
