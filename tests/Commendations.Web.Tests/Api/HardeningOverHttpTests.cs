using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// The defects found by an attacker's and a careless client's walk, each as it was reported: a ballot without a choice
/// counted as Yes, an idempotency key answering another request, NUL characters giving 500s, dates and years out of
/// range, and a database index name in a conflict.
/// </summary>
public class HardeningOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private readonly ApiJourney _journey = new(app);

    private async Task<Guid> AtCouncilVoteAsync()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var campaigns = await (await app.As(DemoAccounts.OfficerTanHoa)).GetFromJsonAsync<JsonArray>("/api/campaigns");
        var campaign = campaigns!.Single(c => (string?)c!["code"] == DemoCatalog.CurrentRegularCampaign)!["id"]!.GetValue<Guid>();
        var id = await _journey.CreateAsync(new
        {
            campaignId = campaign, awardFormCode = DemoCatalog.ProvincialEmulationFighter, kind = "Individual",
            person = new { fullName = "Nguyễn Thị Hồng Nhung", gender = "Female", birthYear = 1972, position = "Trưởng thôn Bến Đình" },
            achievementSummary = "Ba năm liền chiến sĩ thi đua cơ sở.",
        });
        await _journey.AttachRequiredAsync(id);
        await ApiJourney.Expect(await (await app.As(DemoAccounts.OfficerTanHoa)).PostAsync($"/api/nominations/{id}/documents",
            ApiJourney.Upload("Minutes", "bien-ban.pdf", ApiJourney.Pdf)), HttpStatusCode.Created);
        await _journey.SubmitAsync(id);
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Appraiser, await _journey.TaskInInboxAsync(DemoAccounts.Appraiser, id), "forward"), HttpStatusCode.OK);
        return id;
    }

    private async Task<Guid> SubmittedAsync()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var id = await _journey.CreateAsync(await _journey.CollectiveBodyAsync());
        await _journey.AttachRequiredAsync(id);
        await _journey.SubmitAsync(id);
        return id;
    }

    private async Task<int> AuditEntriesAsync(Guid nominationId)
    {
        await using var db = _journey.CreateDbContext();
        return await db.AuditEntries.CountAsync(e => e.Stream == $"nomination:{nominationId}");
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("{}", "choice")]
    [InlineData("{\"choise\":\"No\"}", "choise")]
    [InlineData("{\"vote\":\"No\"}", "vote")]
    [InlineData("{\"choice\":0}", "choice")]
    [InlineData("{\"choice\":\"1\"}", "choice")]
    public async Task A_ballot_without_a_valid_choice_is_refused_and_records_nothing(string body, string field)
    {
        var id = await AtCouncilVoteAsync();
        var before = await AuditEntriesAsync(id);
        var member = await app.As(DemoAccounts.CouncilMember4);

        var response = await member.PostAsync($"/api/nominations/{id}/votes", Json(body));

        await ApiJourney.Expect(response, HttpStatusCode.BadRequest);
        var problem = await ApiJourney.Problem(response);
        problem["code"]!.GetValue<string>().Should().Be("invalid-input");
        problem["errors"]!.AsObject().Select(e => e.Key).Should().Equal(field);
        (await AuditEntriesAsync(id)).Should().Be(before, "a refused ballot is not recorded, as Yes or otherwise");

        // The same member's real ballot still counts, as what it says.
        await ApiJourney.Expect(await member.PostAsync($"/api/nominations/{id}/votes", Json("{\"choice\":\"No\"}")), HttpStatusCode.OK);
        await using var db = _journey.CreateDbContext();
        var state = Engine.InstanceState.FromJson(await db.WorkflowInstances.Where(i => i.NominationId == id).Select(i => i.State).SingleAsync());
        ((Engine.VoteProgress)state.Progress!).Ballots.Select(b => b.Choice).Should().Equal(Engine.VoteChoice.No);
    }

    [Fact]
    public async Task A_refusal_names_what_was_expected_in_the_language_the_client_asks_for()
    {
        var id = await AtCouncilVoteAsync();
        var member = await app.As(DemoAccounts.CouncilMember4);

        var vietnamese = await member.PostAsync($"/api/nominations/{id}/votes", Json("{\"choice\":\"Maybe\"}"));
        member.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.8");
        var english = await member.PostAsync($"/api/nominations/{id}/votes", Json("{}"));

        (await ApiJourney.Problem(vietnamese))["errors"]!["choice"]![0]!.GetValue<string>().Should().Be("Giá trị không hợp lệ; chọn một trong: Yes, No, Abstain, Recuse.");
        var problem = await ApiJourney.Problem(english);
        problem["title"]!.GetValue<string>().Should().Be("One or more fields are invalid.");
        problem["errors"]!["choice"]![0]!.GetValue<string>().Should().Be("This field is required.");
    }

    [Fact]
    public async Task Attendance_and_comment_handling_without_their_fields_are_refused()
    {
        var id = await AtCouncilVoteAsync();
        var secretary = await app.As(DemoAccounts.SteeringStandingMember);
        var opened = await secretary.PostAsJsonAsync("/api/sessions", new { committeeCode = DemoCatalog.Council, title = "Phiên họp", heldAt = "2026-12-03T08:00:00+07:00", nominationIds = new[] { id } });
        await ApiJourney.Expect(opened, HttpStatusCode.Created);
        var sessionId = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        Guid member;
        await using (var db = _journey.CreateDbContext())
            member = await db.Users.Where(u => u.UserName == DemoAccounts.CouncilMember4.UserName).Select(u => u.Id).SingleAsync();

        var attendance = await secretary.PutAsync($"/api/sessions/{sessionId}/attendance/{member}", Json("{}"));
        await ApiJourney.Expect(attendance, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(attendance))["errors"]!.AsObject().Select(e => e.Key).Should().Equal("status");
        var session = await secretary.GetFromJsonAsync<JsonObject>($"/api/sessions/{sessionId}");
        session!.ToJsonString().Should().NotContain("\"Present\"", "nobody was recorded present by an empty body");

        var handling = await secretary.PostAsync($"/api/disclosure-comments/{Guid.NewGuid()}/handling", Json("{}"));
        await ApiJourney.Expect(handling, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(handling))["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo(["kind", "resolved"]);
    }

    [Fact]
    public async Task An_idempotency_key_answers_only_the_request_it_was_first_sent_with()
    {
        var first = await SubmittedAsync();
        var second = await SubmittedAsync();
        var member = await app.As(DemoAccounts.SteeringStandingMember);
        member.DefaultRequestHeaders.Add("Idempotency-Key", "one-key");
        var firstTask = await _journey.TaskInInboxAsync(DemoAccounts.SteeringStandingMember, first);
        var approve = await member.PostAsJsonAsync($"/api/tasks/{firstTask}/actions", new { action = "approve" });
        await ApiJourney.Expect(approve, HttpStatusCode.OK);
        var secondTask = await _journey.TaskInInboxAsync(DemoAccounts.SteeringStandingMember, second);

        var reject = await member.PostAsJsonAsync($"/api/tasks/{secondTask}/actions", new { action = "reject", comment = "Không đủ điều kiện." });

        await ApiJourney.Expect(reject, HttpStatusCode.UnprocessableEntity);
        (await ApiJourney.Problem(reject))["code"]!.GetValue<string>().Should().Be("idempotency-key-reused");
        (await _journey.DetailAsync(second))["status"]!.GetValue<string>().Should().Be("InReview", "the reject was neither done nor answered with the approval");
        // The same request again is still answered with its first result.
        var repeat = await member.PostAsJsonAsync($"/api/tasks/{firstTask}/actions", new { action = "approve" });
        (await repeat.Content.ReadAsStringAsync()).Should().Be(await approve.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Text_with_a_nul_character_is_refused_everywhere_without_a_500()
    {
        var id = await SubmittedAsync();
        var officer = await app.As(DemoAccounts.OfficerTanHoa);
        var member = await app.As(DemoAccounts.SteeringStandingMember);
        var task = await _journey.TaskInInboxAsync(DemoAccounts.SteeringStandingMember, id);
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(await _journey.IndividualBodyAsync()))!.AsObject();
        body["person"]!["fullName"] = "Phạm\u0000Bảo";

        var responses = new[]
        {
            await app.AnonymousClient().PostAsync("/api/auth/login", Json("{\"userName\":\"quan\\u0000tri\",\"password\":\"x\"}")),
            await officer.PostAsJsonAsync("/api/nominations", body),
            await member.PostAsync($"/api/tasks/{task}/actions", Json("{\"action\":\"approve\",\"comment\":\"Đồng ý\\u0000\"}")),
            await officer.GetAsync("/api/nominations?search=Tr%00n"),
            await app.AnonymousClient().PostAsync($"/api/public/nominations/{id}/comments", Json("{\"text\":\"Góp ý\\u0000\",\"formToken\":\"x\"}")),
        };

        foreach (var response in responses)
        {
            await ApiJourney.Expect(response, HttpStatusCode.BadRequest);
            (await ApiJourney.Problem(response))["errors"]!.ToJsonString().Should().Contain("NUL");
        }
        (await _journey.DetailAsync(id))["status"]!.GetValue<string>().Should().Be("InReview");
        // A later ordinary search by another user is answered (the failed ones left no connection out of step).
        var search = await (await app.As(DemoAccounts.OfficerDongXuyen)).GetAsync("/api/nominations?search=Trung");
        await ApiJourney.Expect(search, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_page_form_with_a_nul_character_is_refused_before_it_is_handled()
    {
        var browser = app.BrowserClient();
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var page = await browser.GetStringAsync("/dang-nhap");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        token.Should().NotBeEmpty();

        var response = await browser.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["UserName"] = "quan\u0000tri", ["Password"] = "x",
        }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("<html", "a browser gets a page, not JSON");
    }

    [Fact]
    public async Task Out_of_range_years_and_empty_scenarios_are_field_errors_not_500s()
    {
        var admin = await app.As(DemoAccounts.Admin);
        var year = await admin.GetAsync("/api/admin/calendar/days?year=-5");
        await ApiJourney.Expect(year, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(year))["errors"]!.AsObject().Select(e => e.Key).Should().Equal("year");

        var definitions = await admin.GetFromJsonAsync<JsonArray>("/api/definitions");
        var scenario = await admin.PostAsync($"/api/definitions/{definitions![0]!["definitionId"]}/scenarios", Json("{}"));
        await ApiJourney.Expect(scenario, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(scenario))["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo(["name", "scenario"]);
    }

    [Theory]
    [InlineData("9999-12-31", "2000")]
    [InlineData("2026-12-02", "hôm nay")]
    [InlineData("2020-01-15", "phong trào")]
    public async Task A_decision_dated_in_the_future_or_before_its_campaign_is_refused(string date, string reason)
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var leader = await app.As(DemoAccounts.Leader);
        var id = await AtCouncilVoteAsync();

        var response = await leader.PostAsJsonAsync("/api/decisions", new
        {
            number = "215/QĐ-UBND", date, signerName = "Ngô Đức Mạnh", signerTitle = "Chủ tịch", citation = "vì đã có thành tích xuất sắc",
            nominationIds = new[] { id },
        });

        await ApiJourney.Expect(response, HttpStatusCode.BadRequest);
        var errors = (await ApiJourney.Problem(response))["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().Contain("date");
        errors["date"]![0]!.GetValue<string>().Should().Contain(reason);
        await using var db = _journey.CreateDbContext();
        (await db.Decisions.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Two_simultaneous_approvals_get_one_success_and_a_documented_conflict_without_database_names()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var id = await SubmittedAsync();
            var task = await _journey.TaskInInboxAsync(DemoAccounts.SteeringStandingMember, id);
            var clients = new[] { await app.As(DemoAccounts.SteeringStandingMember), await app.As(DemoAccounts.SteeringStandingMember) };

            var responses = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync($"/api/tasks/{task}/actions", new { action = "approve" })));

            responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
            var refused = responses.Single(r => r.StatusCode != HttpStatusCode.OK);
            refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
            var text = await refused.Content.ReadAsStringAsync();
            text.Should().NotContainAny("ix_", "pk_", "audit_entries", "constraint", "duplicate key");
            (await ApiJourney.Problem(refused))["code"]!.GetValue<string>().Should().BeOneOf("concurrent-change", "task-closed", "not-your-turn");
        }
    }
}
