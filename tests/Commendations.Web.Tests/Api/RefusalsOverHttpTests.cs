using System.Net;
using System.Net.Http.Json;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Web.Tests.Infrastructure;

namespace Commendations.Web.Tests.Api;

public class RefusalsOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private readonly ApiJourney _journey = new(app);

    private async Task<Guid> SubmittedAsync()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var id = await _journey.CreateAsync(await _journey.CollectiveBodyAsync());
        await _journey.AttachRequiredAsync(id);
        await _journey.SubmitAsync(id);
        return id;
    }

    [Fact]
    public async Task Acting_out_of_turn_is_409_with_a_reason_and_changes_nothing()
    {
        var id = await SubmittedAsync();
        var firstTask = await _journey.TaskInInboxAsync(DemoAccounts.SteeringStandingMember, id);
        var before = (await _journey.DetailAsync(id)).ToJsonString();

        var response = await _journey.ActAsync(DemoAccounts.SteeringHead, firstTask, "approve");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await ApiJourney.Problem(response);
        ((string)problem["code"]!).Should().Be("not-your-turn");
        ((string)problem["detail"]!).Should().NotBeNullOrWhiteSpace();
        (await _journey.DetailAsync(id)).ToJsonString().Should().Be(before);
    }

    [Fact]
    public async Task An_officer_of_another_unit_gets_404_for_reading_and_writing()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var id = await _journey.CreateAsync(await _journey.CollectiveBodyAsync());
        var stranger = await app.As(DemoAccounts.OfficerDongXuyen);

        (await stranger.GetAsync($"/api/nominations/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.PutAsJsonAsync($"/api/nominations/{id}", new { achievementSummary = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.PostAsync($"/api/nominations/{id}/documents", ApiJourney.Upload("Other", "x.pdf", ApiJourney.Pdf))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"/api/nominations/{id}/submit", new { })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"/api/nominations/{id}/withdraw", new { reason = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _journey.DetailAsync(id))["documents"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task A_committee_member_cannot_create_nominations_and_an_anonymous_caller_gets_401()
    {
        var member = await app.As(DemoAccounts.SteeringHead);

        (await member.PostAsJsonAsync("/api/nominations", await _journey.CollectiveBodyAsync())).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await app.AnonymousClient().GetAsync("/api/nominations")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await (await app.As(DemoAccounts.OfficerTanHoa)).PostAsJsonAsync("/api/decisions", new
        {
            number = "1/QĐ-UBND", date = "2027-01-01", signerName = "a", signerTitle = "b", citation = "c", nominationIds = new[] { Guid.NewGuid() },
        })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Submission_outside_the_dossier_window_is_409_and_the_nomination_stays_a_draft()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var id = await _journey.CreateAsync(await _journey.CollectiveBodyAsync());
        await _journey.AttachRequiredAsync(id);
        app.Clock.Set(TestClock.At(2026, 12, 11));

        var response = await (await app.As(DemoAccounts.OfficerTanHoa)).PostAsJsonAsync($"/api/nominations/{id}/submit", new { });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        ((string)(await ApiJourney.Problem(response))["detail"]!).Should().Contain("10/12/2026");
        (await _journey.DetailAsync(id))["status"]!.GetValue<string>().Should().Be("Draft");
    }

    [Fact]
    public async Task Two_members_sessions_approving_one_task_at_once_give_one_200_and_one_409()
    {
        var id = await SubmittedAsync();
        var task = await _journey.TaskInInboxAsync(DemoAccounts.SteeringStandingMember, id);
        var client = await app.As(DemoAccounts.SteeringStandingMember);
        var other = await app.As(DemoAccounts.SteeringStandingMember);

        var responses = await Task.WhenAll(
            client.PostAsJsonAsync($"/api/tasks/{task}/actions", new { action = "approve" }),
            other.PostAsJsonAsync($"/api/tasks/{task}/actions", new { action = "approve" }));

        responses.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        (await _journey.DetailAsync(id))["timeline"]!.AsArray().Count(e => (string)e!["action"]! == "task.approve").Should().Be(1);
    }

    [Fact]
    public async Task A_repeated_request_with_the_same_idempotency_key_returns_the_first_result()
    {
        var id = await SubmittedAsync();
        var task = await _journey.TaskInInboxAsync(DemoAccounts.SteeringStandingMember, id);
        var client = await app.As(DemoAccounts.SteeringStandingMember);
        client.DefaultRequestHeaders.Add("Idempotency-Key", "approve-" + task);

        var first = await client.PostAsJsonAsync($"/api/tasks/{task}/actions", new { action = "approve" });
        var repeat = await client.PostAsJsonAsync($"/api/tasks/{task}/actions", new { action = "approve" });

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        repeat.StatusCode.Should().Be(HttpStatusCode.OK);
        (await repeat.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        (await _journey.DetailAsync(id))["timeline"]!.AsArray().Count(e => (string)e!["action"]! == "task.approve").Should().Be(1);
    }
}
