using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// Issue 15 E2 through the REST API: an administrator publishes the route of <see cref="E2Workflows"/> (a draft that
/// reads an output not recorded on every path is refused at publication, with the problem's JSON path); then the route
/// branches on the eligibility result stored at submission, on the round, on the appraiser's chosen finding, and on the
/// tally of a secret council vote held in a session.
/// </summary>
public class RouteDataOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private const string Definition = E2Workflows.CertificateId;
    private readonly ApiJourney _journey = new(app);

    private async Task PublishAsync()
    {
        var admin = await app.As(DemoAccounts.Admin);
        var created = await admin.PostAsJsonAsync($"/api/definitions/{Definition}/drafts", new { fromVersion = 1 });
        await ApiJourney.Expect(created, HttpStatusCode.OK);
        var version = (int)(await created.Content.ReadFromJsonAsync<JsonObject>())!["version"]!;
        async Task SaveAsync(string content)
        {
            var view = await admin.GetFromJsonAsync<JsonObject>($"/api/definitions/{Definition}/versions/{version}");
            await ApiJourney.Expect(await admin.PutAsJsonAsync($"/api/definitions/{Definition}/versions/{version}",
                new { content, rowVersion = (uint)view!["rowVersion"]! }), HttpStatusCode.OK);
        }

        // An appraisal action that records no finding but leads to the branch that reads it: refused at publication.
        var broken = JsonNode.Parse(E2Workflows.CertificateJson(version))!.AsObject();
        var appraisal = broken["steps"]!.AsArray().Single(s => (string?)s!["key"] == "appraisal")!;
        appraisal["actions"]!.AsArray().Add(JsonNode.Parse("""{ "name": "skip", "target": "by-finding" }"""));
        await SaveAsync(broken.ToJsonString());
        var refused = await admin.PostAsync($"/api/definitions/{Definition}/versions/{version}/publish", null);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await ApiJourney.Problem(refused))["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().Contain(k => k.EndsWith(".conditions[0].when.output"), errors.ToJsonString());

        await SaveAsync(E2Workflows.CertificateJson(version));
        await ApiJourney.Expect(await admin.PostAsync($"/api/definitions/{Definition}/versions/{version}/publish", null), HttpStatusCode.OK);
    }

    private async Task<Guid> SubmittedAsync(string name, int advancedWorkers = 35)
    {
        var id = await _journey.CreateAsync(new
        {
            campaignId = await _journey.CurrentCampaignAsync(), awardFormCode = DemoCatalog.CertificateOfMerit, kind = "Collective",
            collective = new { name, headcount = 42, women = 30, advancedWorkers },
            achievementSummary = "Giải quyết thủ tục hành chính đúng hạn 100%.",
        });
        await _journey.AttachRequiredAsync(id);
        await _journey.SubmitAsync(id);
        return id;
    }

    private async Task<string> StepOfAsync(Guid id) => (string)(await _journey.DetailAsync(id, DemoAccounts.Leader))["currentStep"]!;

    private async Task ActAsync(DemoAccounts.Account account, Guid id, string action, string? comment = null, object? outputs = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var task = await _journey.TaskInInboxAsync(account, id);
        var response = await (await app.As(account)).PostAsJsonAsync($"/api/tasks/{task}/actions", new { action, comment, outputs });
        await ApiJourney.Expect(response, expected);
    }

    [Fact]
    public async Task The_route_branches_on_eligibility_round_the_appraisers_finding_and_a_secret_votes_tally()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        await PublishAsync();

        // Eligibility: the same collective proposed a second time in the campaign fails "one achievement, one award" (the
        // first is then withdrawn); the branch after the submission rejects at once.
        var first = await SubmittedAsync("Ban Quản lý chợ Tân Hòa");
        var ineligible = await SubmittedAsync("Ban Quản lý chợ Tân Hòa");
        await ApiJourney.Expect(await (await app.As(DemoAccounts.OfficerTanHoa)).PostAsJsonAsync($"/api/nominations/{first}/withdraw",
            new { reason = "Trùng hồ sơ." }), HttpStatusCode.OK);
        ((string)(await _journey.DetailAsync(ineligible))["status"]!).Should().Be("Rejected");
        var eligibility = await (await app.As(DemoAccounts.OfficerTanHoa)).GetFromJsonAsync<JsonObject>($"/api/nominations/{ineligible}/eligibility");
        ((string)eligibility!["overall"]!).Should().Be("Failed");

        var toReturn = await SubmittedAsync("Trạm Y tế xã Tân Hòa");
        var toReject = await SubmittedAsync("Trung tâm Phục vụ hành chính công tỉnh");
        var toCouncilPass = await SubmittedAsync("UBND xã Bến Đình");
        var toCouncilFail = await SubmittedAsync("UBND phường Đông Xuyên");
        foreach (var id in new[] { toReturn, toReject, toCouncilPass, toCouncilFail })
            (await StepOfAsync(id)).Should().Be("committee-review");

        // Round: returned twice, the third submission (round 3) is rejected by the branch.
        for (var round = 1; round <= 2; round++)
        {
            await ActAsync(DemoAccounts.SteeringStandingMember, toReturn, "return", $"Bổ sung lần {round}.");
            await _journey.SubmitAsync(toReturn);
        }
        var returned = await _journey.DetailAsync(toReturn);
        ((int)returned["round"]!).Should().Be(3);
        ((string)returned["status"]!).Should().Be("Rejected");

        // The appraiser's finding: asked for with its options, required, checked, and followed.
        foreach (var id in new[] { toReject, toCouncilPass, toCouncilFail })
        {
            foreach (var member in ApiJourney.Steering)
                await ActAsync(member, id, "approve");
        }
        foreach (var id in new[] { toReject, toCouncilPass, toCouncilFail })
            await _journey.EndDisclosureAsync(id);
        var turn = (await _journey.DetailAsync(toReject, DemoAccounts.Appraiser))["myTurn"]!;
        var asks = turn["asks"]!.AsArray();
        asks.Should().ContainSingle();
        ((string)asks[0]!["action"]!, (string)asks[0]!["name"]!).Should().Be(("forward", "finding"));
        asks[0]!["options"]!.AsArray().Select(o => (string)o!).Should().Equal("eligible", "needsCouncil", "ineligible");
        await ActAsync(DemoAccounts.Appraiser, toReject, "forward", expected: HttpStatusCode.BadRequest);
        await ActAsync(DemoAccounts.Appraiser, toReject, "forward", outputs: new { finding = "maybe" }, expected: HttpStatusCode.BadRequest);
        await ActAsync(DemoAccounts.Appraiser, toReject, "forward", outputs: new { finding = "ineligible" });
        ((string)(await _journey.DetailAsync(toReject))["status"]!).Should().Be("Rejected");
        foreach (var id in new[] { toCouncilPass, toCouncilFail })
        {
            await ActAsync(DemoAccounts.Appraiser, id, "forward", outputs: new { finding = "needsCouncil" });
            (await StepOfAsync(id)).Should().Be("council-vote");
        }

        // A secret vote in a session: 7 yes pass on to the decision; 6 yes (passed, but under 7) are rejected by the branch.
        var direct = await (await app.As(DemoAccounts.SteeringHead)).PostAsJsonAsync($"/api/nominations/{toCouncilPass}/votes", new { choice = "Yes" });
        direct.StatusCode.Should().Be(HttpStatusCode.Conflict);
        ((string)(await ApiJourney.Problem(direct))["code"]!).Should().Be("secret-vote-in-session");
        var secretary = await app.As(DemoAccounts.SteeringStandingMember);
        var opened = await secretary.PostAsJsonAsync("/api/sessions", new { committeeCode = DemoCatalog.Council, title = "Phiên họp bỏ phiếu kín", heldAt = "2026-12-22T08:00:00+07:00" });
        await ApiJourney.Expect(opened, HttpStatusCode.Created);
        var sessionId = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        Dictionary<string, Guid> users;
        await using (var db = _journey.CreateDbContext())
            users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id);
        var members = DemoAccounts.CouncilInOrder;
        for (var i = 0; i < members.Count; i++)
        {
            await ApiJourney.Expect(await secretary.PutAsJsonAsync($"/api/sessions/{sessionId}/attendance/{users[members[i].UserName]}", new { status = "Present" }),
                HttpStatusCode.NoContent);
            var client = await app.As(members[i]);
            await ApiJourney.Expect(await client.PostAsJsonAsync($"/api/sessions/{sessionId}/ballots",
                new { nominationId = toCouncilPass, choice = i < 7 ? "Yes" : "No" }), HttpStatusCode.NoContent);
            await ApiJourney.Expect(await client.PostAsJsonAsync($"/api/sessions/{sessionId}/ballots",
                new { nominationId = toCouncilFail, choice = i < 6 ? "Yes" : "Abstain" }), HttpStatusCode.NoContent);
        }
        var again = await (await app.As(members[0])).PostAsJsonAsync($"/api/sessions/{sessionId}/ballots", new { nominationId = toCouncilPass, choice = "No" });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        ((string)(await ApiJourney.Problem(again))["code"]!).Should().Be("secret-ballot-cast");
        var running = (await secretary.GetFromJsonAsync<JsonObject>($"/api/sessions/{sessionId}"))!["items"]!.AsArray();
        running.Should().OnlyContain(i => (bool)i!["countsHidden"]! && (int)i["yes"]! == 0 && (int)i["ballotsRecorded"]! == 9);

        // The member's page says the ballot is cast, not what it was; the agenda shows no counts yet.
        var page = WebUtility.HtmlDecode(await (await app.As(members[0])).GetStringAsync($"/phien-hop/{sessionId}"));
        page.Should().Contain("Đã bỏ phiếu kín").And.Contain("Phiếu kín đã bỏ, không sửa được").And.NotContain("aria-pressed=\"true\"");
        page.Should().Contain("<td data-count=\"yes\">—</td>");

        await ApiJourney.Expect(await secretary.PostAsync($"/api/sessions/{sessionId}/close", null), HttpStatusCode.OK);
        var minutesPage = WebUtility.HtmlDecode(await (await app.As(DemoAccounts.Appraiser)).GetStringAsync($"/bien-ban/{sessionId}"));
        minutesPage.Should().Contain("bỏ phiếu kín").And.Contain("UBND xã Bến Đình");
        (await StepOfAsync(toCouncilPass)).Should().Be("decision");
        ((string)(await _journey.DetailAsync(toCouncilFail))["status"]!).Should().Be("Rejected");
        var items = (await secretary.GetFromJsonAsync<JsonObject>($"/api/sessions/{sessionId}"))!["items"]!.AsArray();
        var pass = items.Single(i => (Guid)i!["nominationId"]! == toCouncilPass)!;
        ((int)pass["yes"]!, (int)pass["no"]!, (string)pass["outcome"]!).Should().Be((7, 2, "Passed"));
        var csv = await secretary.GetStringAsync($"/api/sessions/{sessionId}/votes.csv");
        csv.Should().Contain(",7,2,0,0,0,9,").And.Contain(",6,0,3,0,0,9,");
        (await BallotLeaks.FindAsync(app.ConnectionString, [.. users.Where(u => members.Any(m => m.UserName == u.Key)).Select(u => u.Value)])).Should().BeEmpty();
    }
}
