using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// Substitutes over HTTP: the steering committee's standing member (Hoàng Văn Dũng) names a council colleague of his unit
/// (Bùi Văn Phúc) for his days away; Phúc acts on his turn "thay mặt" him, is refused outside the dates and on his ballot.
/// </summary>
public class SubstitutionsOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private readonly ApiJourney _journey = new(app);
    private static readonly DemoAccounts.Account Away = DemoAccounts.SteeringStandingMember;
    private static readonly DemoAccounts.Account Cover = DemoAccounts.CouncilMember5;

    private async Task<Guid> IdOfAsync(DemoAccounts.Account account) =>
        (await (await app.As(account)).GetFromJsonAsync<JsonObject>("/api/auth/me"))!["userId"]!.GetValue<Guid>();

    private async Task<Guid> SetAsync(string from, string to)
    {
        var candidates = await (await app.As(Away)).GetFromJsonAsync<JsonArray>("/api/substitutions/candidates");
        var cover = candidates!.Single(c => (string?)c!["displayName"] == Cover.DisplayName)!["userId"]!.GetValue<Guid>();
        var response = await (await app.As(Away)).PostAsJsonAsync("/api/substitutions", new { substituteUserId = cover, from, to, reason = "Học lớp bồi dưỡng" });
        await ApiJourney.Expect(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private async Task RevokeAsync(Guid id) =>
        await ApiJourney.Expect(await (await app.As(DemoAccounts.Admin)).PostAsync($"/api/substitutions/{id}/revoke", null), HttpStatusCode.OK);

    [Fact]
    public async Task The_substitute_acts_on_behalf_within_the_dates_and_is_refused_after_them()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var substitution = await SetAsync("2026-12-01", "2026-12-03");
        try
        {
            var id = await _journey.CreateAsync(await _journey.CollectiveBodyAsync());
            await _journey.AttachRequiredAsync(id);
            await _journey.SubmitAsync(id);

            var item = (await _journey.InboxAsync(Cover, id)).Single();
            item["onBehalfOf"]!.GetValue<string>().Should().Be(Away.DisplayName);
            await ApiJourney.Expect(await _journey.ActAsync(Cover, item["taskId"]!.GetValue<Guid>(), "approve", "Đồng ý."), HttpStatusCode.OK);
            var timeline = (await _journey.DetailAsync(id, DemoAccounts.SteeringDeputyHead))["timeline"]!.AsArray();
            timeline.Should().Contain(e => (string?)e!["actorName"] == Cover.DisplayName && (string?)e["onBehalfOf"] == Away.DisplayName);

            // The next nomination waits for Dũng after his days away: Phúc no longer covers it, and says so when he tries.
            var later = await _journey.CreateAsync(await _journey.CollectiveBodyAsync());
            await _journey.AttachRequiredAsync(later);
            await _journey.SubmitAsync(later);
            var task = await _journey.TaskInInboxAsync(Away, later);
            app.Clock.Set(Testing.TestClock.At(2026, 12, 4));
            (await _journey.InboxAsync(Cover, later)).Should().BeEmpty();
            var refused = await _journey.ActAsync(Cover, task, "approve", "Đồng ý.");
            await ApiJourney.Expect(refused, HttpStatusCode.Forbidden);
            var problem = await ApiJourney.Problem(refused);
            ((string?)problem["code"]).Should().Be("substitute-out-of-range");
            ((string?)problem["detail"]).Should().Contain("01/12/2026").And.Contain("03/12/2026");
            (await _journey.InboxAsync(Away, later)).Should().ContainSingle("the task is still Dũng's, untouched");
        }
        finally
        {
            app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
            await RevokeAsync(substitution);
        }
    }

    [Fact]
    public async Task A_substitute_cannot_vote_for_the_member_and_bad_requests_are_refused_with_their_fields()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var id = await AtCouncilVoteAsync();
        var substitution = await SetAsync("2026-12-01", "2026-12-02");
        try
        {
            var cover = await app.As(Cover);
            await ApiJourney.Expect(await cover.PostAsJsonAsync($"/api/nominations/{id}/votes", new { choice = "Yes" }), HttpStatusCode.OK);
            var forAway = await cover.PostAsJsonAsync($"/api/nominations/{id}/votes", new { choice = "Yes", comment = "Thay mặt đồng chí Dũng" });
            await ApiJourney.Expect(forAway, HttpStatusCode.Conflict);
            ((string?)(await ApiJourney.Problem(forAway))["code"]).Should().Be("vote-personal");
            (await _journey.InboxAsync(Cover, id)).Single()["personalBallot"]!.GetValue<bool>().Should().BeTrue();

            var away = await app.As(Away);
            var backwards = await away.PostAsJsonAsync("/api/substitutions", new { substituteUserId = await IdOfAsync(Cover), from = "2026-12-10", to = "2026-12-09" });
            await ApiJourney.Expect(backwards, HttpStatusCode.BadRequest);
            (await ApiJourney.Problem(backwards))["errors"]!.AsObject().Should().ContainKey("to");
            var overlap = await away.PostAsJsonAsync("/api/substitutions", new { substituteUserId = await IdOfAsync(DemoAccounts.SteeringHead), from = "2026-12-02", to = "2026-12-05" });
            await ApiJourney.Expect(overlap, HttpStatusCode.Conflict);
            ((string?)(await ApiJourney.Problem(overlap))["code"]).Should().Be("substitution-overlaps");

            var notAdmin = await (await app.As(DemoAccounts.OfficerTanHoa)).PostAsJsonAsync("/api/admin/substitutions",
                new { principalUserId = await IdOfAsync(Away), substituteUserId = await IdOfAsync(Cover), from = "2026-12-10", to = "2026-12-11" });
            await ApiJourney.Expect(notAdmin, HttpStatusCode.Forbidden);
            var all = await (await app.As(DemoAccounts.Admin)).GetFromJsonAsync<JsonArray>("/api/admin/substitutions");
            all!.Should().ContainSingle(s => s!["id"]!.GetValue<Guid>() == substitution);
        }
        finally
        {
            await RevokeAsync(substitution);
        }
    }

    private async Task<Guid> AtCouncilVoteAsync()
    {
        var id = await _journey.CreateAsync(new
        {
            campaignId = await _journey.RegularCampaignAsync(), awardFormCode = DemoCatalog.ProvincialEmulationFighter, kind = "Individual",
            person = new { fullName = "Nguyễn Thị Hồng Nhung", gender = "Female", birthYear = 1972, position = "Trưởng thôn Bến Đình" },
            achievementSummary = "Ba năm liền chiến sĩ thi đua cơ sở.",
        });
        await _journey.AttachWithMinutesAsync(id);
        await _journey.SubmitAsync(id);
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Appraiser, await _journey.TaskInInboxAsync(DemoAccounts.Appraiser, id), "forward"), HttpStatusCode.OK);
        return id;
    }
}
