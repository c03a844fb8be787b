using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// Issue 17's repairs over HTTP: move a nomination to another step (with the migration's preview, and a vote or
/// disclosure never passed over silently) and cancel it — each previewed, reasoned, audited and told to the unit and to
/// whoever lost a task.
/// </summary>
public class RepairsOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private readonly ApiJourney _journey = new(app);

    private async Task<Guid> SubmittedAsync()
    {
        var id = await _journey.CreateAsync(await _journey.CollectiveBodyAsync());
        await _journey.AttachRequiredAsync(id);
        await _journey.SubmitAsync(id);
        return id;
    }

    private async Task<HttpResponseMessage> MoveAsync(DemoAccounts.Account who, Guid id, object body) =>
        await (await app.As(who)).PostAsJsonAsync($"/api/nominations/{id}/move", body);

    [Fact]
    public async Task An_administrator_previews_then_moves_a_nomination_back_to_the_unit_and_the_people_concerned_are_told()
    {
        app.Clock.Set(TestClock.At(2026, 12, 2));
        var id = await SubmittedAsync();
        await _journey.SettleAsync();
        (await _journey.InboxAsync(DemoAccounts.SteeringStandingMember, id)).Should().ContainSingle();

        // With no target: the steps it may go to, by name (no end step).
        var targets = (await (await MoveAsync(DemoAccounts.Admin, id, new { })).Content.ReadFromJsonAsync<JsonObject>())!;
        ((string)targets["currentStepName"]!).Should().Be("Ban Chỉ đạo xem xét");
        var names = targets["targets"]!.AsArray().Select(t => (string)t!["name"]!).ToList();
        names.Should().Contain(["Đơn vị lập và trình hồ sơ", "Thẩm định"]).And.NotContain("Đã khen thưởng");

        var preview = await MoveAsync(DemoAccounts.Admin, id, new { targetStep = "unit-proposal", reason = "Ban Chỉ đạo thay đổi thành phần." });
        await ApiJourney.Expect(preview, HttpStatusCode.OK);
        var seen = (await preview.Content.ReadFromJsonAsync<JsonObject>())!;
        ((bool)seen["applied"]!).Should().BeFalse();
        seen["closingTasks"]!.AsArray().Select(t => (string)t!).Should().ContainSingle().Which.Should().Contain(DemoAccounts.SteeringStandingMember.DisplayName);
        seen["openingTasks"]!.AsArray().Select(t => (string)t!).Should().ContainSingle().Which.Should().StartWith("Đơn vị lập và trình hồ sơ");
        seen["skippedChecks"]!.AsArray().Should().BeEmpty();
        (await _journey.DetailAsync(id))["currentStepName"]!.ToString().Should().Be("Ban Chỉ đạo xem xét", "a preview changes nothing");

        // Not for anyone else, and not without a reason.
        (await MoveAsync(DemoAccounts.SteeringHead, id, new { targetStep = "unit-proposal", reason = "x", apply = true })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var noReason = await MoveAsync(DemoAccounts.Admin, id, new { targetStep = "unit-proposal", apply = true });
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(noReason))["errors"]!.AsObject().Should().ContainKey("reason");

        await ApiJourney.Expect(await MoveAsync(DemoAccounts.Admin, id, new { targetStep = "unit-proposal", reason = "Ban Chỉ đạo thay đổi thành phần.", apply = true }),
            HttpStatusCode.OK);
        await _journey.SettleAsync();

        var detail = await _journey.DetailAsync(id);
        ((string)detail["currentStepName"]!).Should().Be("Đơn vị lập và trình hồ sơ");
        detail["timeline"]!.AsArray().Should().Contain(e => (string?)e!["action"] == "repair.moved" && (string?)e!["comment"] == "Ban Chỉ đạo thay đổi thành phần.");
        (await _journey.InboxAsync(DemoAccounts.SteeringStandingMember, id)).Should().BeEmpty("the member's turn closed with the move");
        (await _journey.InboxAsync(DemoAccounts.OfficerTanHoa, id)).Should().ContainSingle("the unit holds the dossier again");
        var unitNotice = (await _journey.NotificationsAsync(DemoAccounts.OfficerTanHoa, id)).Should().ContainSingle(n => (string)n["kind"]! == "route-repaired").Subject;
        ((string)unitNotice["body"]!).Should().Contain("Ban Chỉ đạo xem xét").And.Contain("Ban Chỉ đạo thay đổi thành phần.");
        (await _journey.NotificationsAsync(DemoAccounts.SteeringStandingMember, id)).Should().Contain(n => (string)n["kind"]! == "route-repaired");
        (await _journey.NotificationsAsync(DemoAccounts.Admin, id)).Should().NotContain(n => (string)n["kind"]! == "route-repaired", "the actor is not told what they did");
    }

    [Fact]
    public async Task Moving_past_the_public_disclosure_is_refused_until_the_administrator_says_so_and_the_audit_names_it()
    {
        app.Clock.Set(TestClock.At(2026, 12, 2));
        var id = await SubmittedAsync();

        var preview = (await (await MoveAsync(DemoAccounts.Admin, id, new { targetStep = "appraisal", reason = "Sửa lỗi quy trình." })).Content.ReadFromJsonAsync<JsonObject>())!;
        preview["skippedChecks"]!.AsArray().Select(s => (string)s!).Should().Equal("Công khai, lấy ý kiến");

        var refused = await MoveAsync(DemoAccounts.Admin, id, new { targetStep = "appraisal", reason = "Sửa lỗi quy trình.", apply = true });
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await ApiJourney.Problem(refused);
        ((string)problem["code"]!).Should().Be("skips-legal-check");
        ((string)problem["detail"]!).Should().Contain("“Công khai, lấy ý kiến”");
        ((string)(await _journey.DetailAsync(id))["currentStepName"]!).Should().Be("Ban Chỉ đạo xem xét");

        // An end step is never a target: ending a route is the decision's or a cancellation's.
        var toEnd = await MoveAsync(DemoAccounts.Admin, id, new { targetStep = "awarded", reason = "x", apply = true });
        toEnd.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ((string)(await ApiJourney.Problem(toEnd))["errors"]!["targetStep"]![0]!).Should().Contain("bước kết thúc");

        await ApiJourney.Expect(await MoveAsync(DemoAccounts.Admin, id, new { targetStep = "appraisal", reason = "Sửa lỗi quy trình.", skipChecks = true, apply = true }),
            HttpStatusCode.OK);
        ((string)(await _journey.DetailAsync(id))["currentStepName"]!).Should().Be("Thẩm định");
        await using var db = _journey.CreateDbContext();
        var entry = await db.AuditEntries.Where(a => a.Stream == $"nomination:{id}" && a.Action == "repair.moved").SingleAsync();
        entry.Data.Should().Contain("public-disclosure", "the audit says which legal check was not made");
    }

    [Fact]
    public async Task An_administrator_cancels_a_running_nomination_with_a_reason_and_the_unit_is_told()
    {
        app.Clock.Set(TestClock.At(2026, 12, 2));
        var id = await SubmittedAsync();
        var url = $"/api/nominations/{id}/cancellation";

        var preview = (await (await (await app.As(DemoAccounts.Admin)).PostAsJsonAsync(url, new { reason = "Hồ sơ nhập trùng." })).Content.ReadFromJsonAsync<JsonObject>())!;
        ((string)preview["currentStepName"]!).Should().Be("Ban Chỉ đạo xem xét");
        preview["closingTasks"]!.AsArray().Should().ContainSingle();
        (await (await app.As(DemoAccounts.OfficerTanHoa)).PostAsJsonAsync(url, new { reason = "x", apply = true })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        await ApiJourney.Expect(await (await app.As(DemoAccounts.Admin)).PostAsJsonAsync(url, new { reason = "Hồ sơ nhập trùng.", apply = true }), HttpStatusCode.OK);
        await _journey.SettleAsync();
        var detail = await _journey.DetailAsync(id);
        ((string)detail["status"]!).Should().Be("Withdrawn");
        detail["timeline"]!.AsArray().Should().Contain(e => (string?)e!["action"] == "repair.cancelled" && (string?)e!["comment"] == "Hồ sơ nhập trùng.");
        var notice = (await _journey.NotificationsAsync(DemoAccounts.OfficerTanHoa, id)).Should().ContainSingle(n => (string)n["kind"]! == "nomination-withdrawn").Subject;
        ((string)notice["body"]!).Should().Contain("Hồ sơ nhập trùng.");

        var again = await (await app.As(DemoAccounts.Admin)).PostAsJsonAsync(url, new { reason = "Hồ sơ nhập trùng.", apply = true });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        ((string)(await ApiJourney.Problem(again))["code"]!).Should().Be("already-final");
    }
}
