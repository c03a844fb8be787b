using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Domain.Users;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Web.Tests.Api;

/// <summary>Issue 7 through the API: draft, validate, diff, simulate, publish, route new nominations, migrate old ones.</summary>
public class DefinitionAdministrationTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private const string Definition = "bang-khen-chuyen-de";
    private readonly ApiJourney _journey = new(app);

    /// <summary>Inserts an appraiser's legal review between the committee and public disclosure.</summary>
    private static string WithLegalReview(string content)
    {
        var document = JsonNode.Parse(content)!.AsObject();
        var steps = document["steps"]!.AsArray();
        steps.Single(s => (string)s!["key"]! == "committee-review")!["transitions"]!["approved"] = "legal-review";
        steps.Insert(2, JsonNode.Parse("""
            {
              "type": "task", "key": "legal-review", "title": { "vi": "Rà soát pháp lý", "en": "Legal review" },
              "assignee": { "role": "appraiser", "scope": "appraisal" },
              "actions": [ { "name": "agree", "label": "Thống nhất", "target": "public-disclosure" } ],
              "deadline": { "workingDays": 3 }, "reminders": [ { "workingDaysBefore": 1 } ]
            }
            """));
        return document.ToJsonString();
    }

    private async Task<(int Version, JsonObject View)> NewDraftAsync(HttpClient admin)
    {
        var created = await admin.PostAsJsonAsync($"/api/definitions/{Definition}/drafts", new { fromVersion = 2 });
        await ApiJourney.Expect(created, HttpStatusCode.OK);
        var version = (int)(await created.Content.ReadFromJsonAsync<JsonObject>())!["version"]!;
        return (version, (await admin.GetFromJsonAsync<JsonObject>($"/api/definitions/{Definition}/versions/{version}"))!);
    }

    private static async Task SaveAsync(HttpClient admin, int version, JsonObject view, string content) =>
        await ApiJourney.Expect(await admin.PutAsJsonAsync($"/api/definitions/{Definition}/versions/{version}",
            new { content, rowVersion = (uint)view["rowVersion"]! }), HttpStatusCode.OK);

    [Fact]
    public async Task An_inserted_review_step_is_diffed_simulated_published_used_by_new_nominations_and_old_ones_migrate_onto_it()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var before = await _journey.CreateAsync(await _journey.CollectiveBodyAsync());
        await _journey.AttachRequiredAsync(before);
        await _journey.SubmitAsync(before);
        var admin = await app.As(DemoAccounts.Admin);
        var (version, view) = await NewDraftAsync(admin);
        var content = WithLegalReview((string)view["content"]!);
        content = content.Replace($"\"version\":{version}", $"\"version\":{version}");
        await SaveAsync(admin, version, view, content);

        var problems = await (await admin.PostAsJsonAsync("/api/definitions/validate", new { content })).Content.ReadFromJsonAsync<JsonArray>();
        var diff = await admin.GetFromJsonAsync<JsonArray>($"/api/definitions/{Definition}/diff?from=2&to={version}");
        var simulation = await admin.PostAsJsonAsync($"/api/definitions/{Definition}/versions/{version}/simulate", JsonNode.Parse("""
            { "start": "2026-12-01T09:00:00+07:00", "facts": { "kind": "collective", "awardForm": "bang-khen-tinh", "dossierClose": "2026-12-10" },
              "actions": [ { "action": "submit" }, { "action": "approve" }, { "action": "approve" }, { "action": "approve" }, { "action": "agree" } ] }
            """));
        var refusedRun = await admin.PostAsJsonAsync($"/api/definitions/{Definition}/versions/{version}/simulate", JsonNode.Parse("""
            { "start": "2026-12-01T09:00:00+07:00", "facts": { "kind": "collective", "awardForm": "bang-khen-tinh", "dossierClose": "2026-12-10" },
              "actions": [ { "action": "approve" } ] }
            """));
        var published = await admin.PostAsync($"/api/definitions/{Definition}/versions/{version}/publish", null);

        problems.Should().BeEmpty();
        // Described as people read the designer: steps by their titles, never their keys.
        diff!.Select(c => (string)c!["description"]!).Should().Contain("Thêm bước “Rà soát pháp lý” (Công việc).")
            .And.Contain(d => d.StartsWith("Bước “Ban Chỉ đạo xem xét”: kết quả"))
            .And.NotContain(d => d.Contains("legal-review") || d.Contains("committee-review"));
        diff.Should().Contain(c => (string)c!["kind"]! == "StepAdded" && (string)c["stepKey"]! == "legal-review");
        diff.Should().Contain(c => (string)c!["kind"]! == "TransitionChanged" && (string)c["stepKey"]! == "committee-review");
        await ApiJourney.Expect(simulation, HttpStatusCode.OK);
        var path = (await simulation.Content.ReadFromJsonAsync<JsonObject>())!["path"]!.AsArray().Select(s => (string)s!["stepKey"]!).ToList();
        path.Should().ContainInOrder("committee-review", "legal-review", "public-disclosure");
        var refusal = (await refusedRun.Content.ReadFromJsonAsync<JsonObject>())!["refusal"]!;
        ((string)refusal["reason"]!).Should().Contain("“Đơn vị lập và trình hồ sơ”").And.NotContain("unit-proposal");
        await ApiJourney.Expect(published, HttpStatusCode.OK);
        ((string)(await published.Content.ReadFromJsonAsync<JsonObject>())!["status"]!).Should().Be("Published");

        var after = await _journey.CreateAsync(await _journey.CollectiveBodyAsync());
        ((int)(await _journey.DetailAsync(after))["workflowVersion"]!).Should().Be(version, "nominations started afterwards use the new version");
        ((int)(await _journey.DetailAsync(before))["workflowVersion"]!).Should().Be(2, "running instances stay on their version (the shipped v2 in force when it started)");

        var preview = await admin.PostAsJsonAsync($"/api/definitions/{Definition}/migrations/preview",
            new { toVersion = version, nominationIds = new[] { before }, mapping = new Dictionary<string, string> { ["committee-review"] = "legal-review" } });
        await ApiJourney.Expect(preview, HttpStatusCode.OK);
        ((string)(await preview.Content.ReadFromJsonAsync<JsonArray>())![0]!["preview"]!["landingStep"]!).Should().Be("legal-review");
        var migrated = await admin.PostAsJsonAsync($"/api/definitions/{Definition}/migrations",
            new { toVersion = version, nominationIds = new[] { before }, mapping = new Dictionary<string, string> { ["committee-review"] = "legal-review" }, comment = "Áp dụng quy trình mới." });
        await ApiJourney.Expect(migrated, HttpStatusCode.OK);
        ((bool)(await migrated.Content.ReadFromJsonAsync<JsonArray>())![0]!["succeeded"]!).Should().BeTrue();

        var moved = await _journey.DetailAsync(before);
        ((int)moved["workflowVersion"]!).Should().Be(version);
        ((string)moved["currentStep"]!).Should().Be("legal-review", "the instance continues from the mapped step, not from the start");
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Appraiser, await _journey.TaskInInboxAsync(DemoAccounts.Appraiser, before), "agree"), HttpStatusCode.OK);
        ((string)(await _journey.DetailAsync(before))["currentStep"]!).Should().Be("public-disclosure");
    }

    [Fact]
    public async Task A_draft_with_a_dangling_transition_cannot_be_published_and_every_problem_is_listed()
    {
        var admin = await app.As(DemoAccounts.Admin);
        var (version, view) = await NewDraftAsync(admin);
        var content = ((string)view["content"]!).Replace("\"approved\": \"public-disclosure\"", "\"approved\": \"nowhere\"");
        await SaveAsync(admin, version, view, content);

        var publish = await admin.PostAsync($"/api/definitions/{Definition}/versions/{version}/publish", null);

        publish.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await ApiJourney.Problem(publish))["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().Contain(k => k.Contains("transitions.approved"));
        ((string)(await admin.GetFromJsonAsync<JsonObject>($"/api/definitions/{Definition}/versions/{version}"))!["status"]!).Should().Be("Draft");
    }

    [Fact]
    public async Task A_published_version_cannot_be_edited()
    {
        var admin = await app.As(DemoAccounts.Admin);
        var view = await admin.GetFromJsonAsync<JsonObject>($"/api/definitions/{Definition}/versions/1");

        var edit = await admin.PutAsJsonAsync($"/api/definitions/{Definition}/versions/1", new { content = (string)view!["content"]!, rowVersion = (uint)view["rowVersion"]! });

        edit.StatusCode.Should().Be(HttpStatusCode.Conflict);
        ((string)(await ApiJourney.Problem(edit))["code"]!).Should().Be("definition-immutable");
    }

    [Theory]
    [InlineData("GET", "/api/definitions")]
    [InlineData("POST", "/api/definitions/bang-khen-chuyen-de/drafts")]
    [InlineData("POST", "/api/definitions/bang-khen-chuyen-de/versions/1/publish")]
    [InlineData("POST", "/api/definitions/bang-khen-chuyen-de/versions/1/retire")]
    [InlineData("GET", "/api/definitions/bang-khen-chuyen-de/diff?from=1&to=1")]
    [InlineData("GET", "/api/definitions/step-types")]
    [InlineData("GET", "/api/definitions/organisation")]
    public async Task A_non_administrator_is_refused_every_definition_operation(string method, string path)
    {
        foreach (var account in new[] { DemoAccounts.OfficerTanHoa, DemoAccounts.SteeringHead, DemoAccounts.Leader })
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST")
                request.Content = JsonContent.Create(new { fromVersion = 1 });

            var response = await (await app.As(account)).SendAsync(request);

            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, $"{account.UserName} {method} {path}");
        }
    }
}

/// <summary>Four eyes: with the setting on, a second administrator must approve what the first asked to publish.</summary>
public class FourEyesPublicationTests(FourEyesPublicationTests.Factory app) : IClassFixture<FourEyesPublicationTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Workflows:RequireSecondApproval", "true");
        }
    }

    [Fact]
    public async Task The_author_cannot_approve_their_own_publication_and_another_administrator_can()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var second = new AppUser { UserName = "quantri2", DisplayName = "Quản trị viên thứ hai" };
            (await users.CreateAsync(second, DemoAccounts.Password)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(second, Common.Security.Roles.Administrator)).Succeeded.Should().BeTrue();
        }
        var first = await app.As(DemoAccounts.Admin);
        var draft = await first.PostAsJsonAsync("/api/definitions/csdt-tinh/drafts", new { fromVersion = 1 });
        var version = (int)(await draft.Content.ReadFromJsonAsync<JsonObject>())!["version"]!;

        var requested = await (await first.PostAsync($"/api/definitions/csdt-tinh/versions/{version}/publish", null)).Content.ReadFromJsonAsync<JsonObject>();
        var self = await first.PostAsync($"/api/definitions/csdt-tinh/versions/{version}/publish", null);
        var secondAdmin = app.AnonymousClient();
        var token = (await app.LoginAsync("quantri2", DemoAccounts.Password)).AccessToken;
        secondAdmin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var approved = await (await secondAdmin.PostAsync($"/api/definitions/csdt-tinh/versions/{version}/publish", null)).Content.ReadFromJsonAsync<JsonObject>();

        ((bool)requested!["awaitingSecondApproval"]!).Should().BeTrue();
        self.StatusCode.Should().Be(HttpStatusCode.Conflict);
        ((string)approved!["status"]!).Should().Be("Published");
        ((string)approved["requestedBy"]!).Should().Be(DemoAccounts.Admin.DisplayName);
        ((string)approved["publishedBy"]!).Should().Be("Quản trị viên thứ hai");
    }
}
