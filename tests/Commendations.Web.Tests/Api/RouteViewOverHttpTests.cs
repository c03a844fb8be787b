using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;

namespace Commendations.Web.Tests.Api;

/// <summary>The nomination's route over HTTP: version, current step, steps passed with who and when, pending timers; scoped like the nomination.</summary>
public class RouteViewOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private readonly ApiJourney _journey = new(app);

    [Fact]
    public async Task The_route_shows_who_acted_when_and_the_timers_still_pending_and_another_units_officer_is_refused()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var id = await _journey.CreateAsync(await _journey.CollectiveBodyAsync());
        await _journey.AttachRequiredAsync(id);
        await _journey.SubmitAsync(id);
        var first = ApiJourney.Steering[0];
        await ApiJourney.Expect(await _journey.ActAsync(first, await _journey.TaskInInboxAsync(first, id), "approve", "Đồng ý, chuyển tiếp."), HttpStatusCode.OK);

        var route = (await (await app.As(DemoAccounts.OfficerTanHoa)).GetFromJsonAsync<JsonObject>($"/api/nominations/{id}/route"))!;
        route["definitionVersion"]!.GetValue<int>().Should().BeGreaterThan(0);
        route["completed"]!.GetValue<bool>().Should().BeFalse();
        route["currentStepName"]!.GetValue<string>().Should().Be("Ban Chỉ đạo xem xét");
        route["definitionDocument"]!.GetValue<string>().Should().Contain("\"steps\"");

        var passages = route["passages"]!.AsArray();
        passages.Should().Contain(p => (string?)p!["actor"] == "Hoàng Văn Dũng" && (string?)p["comment"] == "Đồng ý, chuyển tiếp."
                                       && ((string)p["what"]!).StartsWith("Xử lý"));
        passages.Select(p => (string)p!["what"]!).Should().NotContain(w => w.Contains("approve") || w.Contains("Acted"), "people read words, not codes");

        // The deputy head's turn: its due time and reminders, each with its instant, in order.
        var timers = route["timers"]!.AsArray();
        var due = timers.Single(t => (string?)t!["kind"] == "due")!;
        due["assignee"]!.GetValue<string>().Should().Be("Phan Thị Hạnh");
        due["kindName"]!.GetValue<string>().Should().Be("Hạn xử lý");
        timers.Where(t => (string?)t!["kind"] == "reminder").Should().NotBeEmpty();
        timers.Select(t => t!["at"]!.GetValue<DateTimeOffset>()).Should().BeInAscendingOrder();

        await ApiJourney.Expect(await (await app.As(DemoAccounts.OfficerDongXuyen)).GetAsync($"/api/nominations/{id}/route"), HttpStatusCode.NotFound);
        await ApiJourney.Expect(await app.AnonymousClient().GetAsync($"/api/nominations/{id}/route"), HttpStatusCode.Unauthorized);
    }
}
