using System.Net;
using System.Net.Http.Json;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;

namespace Commendations.Web.Tests.Api;

/// <summary>Issue 4's main "done when": the whole certificate-of-merit route through HTTP, for both kinds of nominee.</summary>
public class NominationRouteOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private readonly ApiJourney _journey = new(app);

    [Theory]
    [InlineData("Collective")]
    [InlineData("Individual")]
    public async Task A_nomination_travels_draft_to_Awarded_and_the_timeline_shows_every_step_with_actor_and_time(string kind)
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var id = await _journey.CreateAsync(kind == "Collective" ? await _journey.CollectiveBodyAsync() : await _journey.IndividualBodyAsync());
        (await _journey.DetailAsync(id))["status"]!.GetValue<string>().Should().Be("Draft");
        await _journey.AttachRequiredAsync(id);
        await _journey.SubmitAsync(id);

        foreach (var member in ApiJourney.Steering)
            await ApiJourney.Expect(await _journey.ActAsync(member, await _journey.TaskInInboxAsync(member, id), "approve", "Đồng ý."), HttpStatusCode.OK);
        (await _journey.DetailAsync(id))["currentStep"]!.GetValue<string>().Should().Be("public-disclosure");
        await _journey.EndDisclosureAsync(id);
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Appraiser, await _journey.TaskInInboxAsync(DemoAccounts.Appraiser, id), "forward", "Đủ điều kiện."), HttpStatusCode.OK);
        app.Clock.Set(Testing.TestClock.At(2027, 1, 12)); // the leader signs on the decision's date
        var decision = await (await app.As(DemoAccounts.Leader)).PostAsJsonAsync("/api/decisions", new
        {
            number = kind == "Collective" ? "215/QĐ-UBND" : "216/QĐ-UBND", date = "2027-01-12", signerName = "Ngô Đức Mạnh",
            signerTitle = "Chủ tịch UBND tỉnh", citation = "Đã có thành tích xuất sắc", nominationIds = new[] { id },
        });
        await ApiJourney.Expect(decision, HttpStatusCode.Created);

        var detail = await _journey.DetailAsync(id);
        detail["status"]!.GetValue<string>().Should().Be("Awarded");
        var timeline = detail["timeline"]!.AsArray();
        timeline.Select(e => (string?)e!["stepKey"]).Where(s => s is not null).Distinct()
            .Should().ContainInOrder("unit-proposal", "committee-review", "public-disclosure", "appraisal", "decision", "awarded");
        timeline.Where(e => (string)e!["action"]! == "task.approve").Select(e => (string)e!["actorName"]!)
            .Should().Equal(ApiJourney.Steering.Select(m => m.DisplayName));
        timeline.Should().OnlyContain(e => e!["at"] != null && !string.IsNullOrEmpty((string?)e["actorName"]));
        timeline.Should().Contain(e => (string)e!["action"]! == "decision.issued" && (string)e["actorName"]! == DemoAccounts.Leader.DisplayName);
    }
}
