using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Common.Security;
using Commendations.Domain.Users;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Web.Tests.Api;

/// <summary>An installation where every repair needs a second administrator (<c>Repairs:RequireSecondApproval</c>).</summary>
public sealed class SecondApprovalApiFactory : ApiFactory
{
    public static readonly DemoAccounts.Account SecondAdmin = new("quantri.hai", "Đặng Thu Hà", null, DemoUnits.HomeAffairs, Roles.Administrator);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Repairs:RequireSecondApproval", "true");
    }

    /// <summary>A second administrator account (the demo data has one), with the demo password.</summary>
    public async Task EnsureSecondAdminAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(SecondAdmin.UserName) is not null)
            return;
        var db = scope.ServiceProvider.GetRequiredService<Persistence.CommendationsDbContext>();
        var unit = await db.Units.SingleAsync(u => u.Code == SecondAdmin.UnitCode);
        var user = new AppUser { UserName = SecondAdmin.UserName, DisplayName = SecondAdmin.DisplayName, UnitId = unit.Id };
        (await users.CreateAsync(user, DemoAccounts.Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, Roles.Administrator)).Succeeded.Should().BeTrue();
    }
}

/// <summary>
/// Issue 17: with a second administrator's approval required, a repair is checked and recorded as a request — nothing
/// changes — the other administrators are told; the requester cannot approve it; another administrator approves (the
/// repair happens then, checked again) or declines with a reason; the unit is told when the wait was ended early.
/// </summary>
public class RepairApprovalOverHttpTests(SecondApprovalApiFactory app) : IClassFixture<SecondApprovalApiFactory>
{
    private readonly ApiJourney _journey = new(app);
    private const string Reason = "Quyết định số 12/QĐ-UBND rút ngắn thời gian công khai.";

    private async Task<Guid> InDisclosureAsync()
    {
        var id = await _journey.CreateAsync(await _journey.CollectiveBodyAsync());
        await _journey.AttachRequiredAsync(id);
        await _journey.SubmitAsync(id);
        foreach (var member in ApiJourney.Steering)
            await ApiJourney.Expect(await _journey.ActAsync(member, await _journey.TaskInInboxAsync(member, id), "approve", "Đồng ý."), HttpStatusCode.OK);
        ((string)(await _journey.DetailAsync(id))["currentStepName"]!).Should().Be("Công khai, lấy ý kiến");
        return id;
    }

    private async Task<JsonObject> DecideAsync(DemoAccounts.Account who, Guid request, bool approve, string? note, HttpStatusCode expected)
    {
        var response = await (await app.As(who)).PostAsJsonAsync($"/api/admin/repair-requests/{request}/decision", new { approve, note });
        await ApiJourney.Expect(response, expected);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task Ending_a_disclosure_early_waits_for_another_administrator_and_then_tells_the_unit()
    {
        app.Clock.Set(TestClock.At(2026, 12, 2));
        await app.EnsureSecondAdminAsync();
        var id = await InDisclosureAsync();

        var asked = await (await app.As(DemoAccounts.Admin)).PostAsJsonAsync($"/api/nominations/{id}/end-wait", new { reason = Reason, apply = true });
        await ApiJourney.Expect(asked, HttpStatusCode.Accepted);
        var request = (await asked.Content.ReadFromJsonAsync<JsonObject>())!["awaitingApproval"]!.GetValue<Guid>();
        ((string)(await _journey.DetailAsync(id))["currentStepName"]!).Should().Be("Công khai, lấy ý kiến", "nothing changes before the approval");
        await _journey.SettleAsync();
        var told = (await _journey.NotificationsAsync(SecondApprovalApiFactory.SecondAdmin, id)).Should().ContainSingle(n => (string)n["kind"]! == "repair-requested").Subject;
        ((string)told["body"]!).Should().Contain("Công khai, lấy ý kiến").And.Contain(Reason);
        ((string)told["link"]!).Should().Be("/quan-tri/sua-chua");

        // The requester cannot approve their own request; nobody but an administrator may see or decide it.
        var own = await DecideAsync(DemoAccounts.Admin, request, true, null, HttpStatusCode.Conflict);
        ((string)own["code"]!).Should().Be("same-administrator");
        (await (await app.As(DemoAccounts.SteeringHead)).GetAsync("/api/admin/repair-requests")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var list = (await (await app.As(SecondApprovalApiFactory.SecondAdmin)).GetFromJsonAsync<JsonArray>("/api/admin/repair-requests"))!;
        var row = list.Single(r => (Guid)r!["id"]! == request)!;
        ((bool)row["mineToDecide"]!).Should().BeTrue();
        ((string)row["requestedByName"]!).Should().Be(DemoAccounts.Admin.DisplayName);

        var approved = await DecideAsync(SecondApprovalApiFactory.SecondAdmin, request, true, "Đã kiểm tra quyết định.", HttpStatusCode.OK);
        ((bool)approved["approved"]!).Should().BeTrue();
        ((string)(await _journey.DetailAsync(id))["currentStepName"]!).Should().Be("Thẩm định");
        var timeline = (await _journey.DetailAsync(id))["timeline"]!.AsArray();
        timeline.Should().Contain(e => (string?)e!["action"] == "repair.requested" && (string?)e!["actorName"] == DemoAccounts.Admin.DisplayName);
        timeline.Should().Contain(e => (string?)e!["action"] == "repair.approved" && (string?)e!["actorName"] == SecondApprovalApiFactory.SecondAdmin.DisplayName);
        timeline.Should().Contain(e => (string?)e!["action"] == "wait.ended-early" && (string?)e!["comment"] == Reason);

        await _journey.SettleAsync();
        var unit = (await _journey.NotificationsAsync(DemoAccounts.OfficerTanHoa, id)).Should().ContainSingle(n => (string)n["kind"]! == "route-repaired").Subject;
        ((string)unit["body"]!).Should().Contain("Công khai, lấy ý kiến").And.Contain("Thẩm định").And.Contain(Reason);
        (await _journey.NotificationsAsync(DemoAccounts.Admin, id)).Should().Contain(n => (string)n["kind"]! == "repair-decided");

        var twice = await DecideAsync(SecondApprovalApiFactory.SecondAdmin, request, true, null, HttpStatusCode.Conflict);
        ((string)twice["code"]!).Should().Be("request-decided");
    }

    [Fact]
    public async Task A_declined_request_changes_nothing_and_one_that_no_longer_applies_is_refused_when_approved()
    {
        app.Clock.Set(TestClock.At(2026, 12, 2));
        await app.EnsureSecondAdminAsync();
        var id = await InDisclosureAsync();
        var asked = await (await app.As(DemoAccounts.Admin)).PostAsJsonAsync($"/api/nominations/{id}/end-wait", new { reason = Reason, apply = true });
        var first = (await asked.Content.ReadFromJsonAsync<JsonObject>())!["awaitingApproval"]!.GetValue<Guid>();

        var noNote = await DecideAsync(SecondApprovalApiFactory.SecondAdmin, first, false, null, HttpStatusCode.BadRequest);
        noNote["errors"]!.AsObject().Should().ContainKey("note");
        await DecideAsync(SecondApprovalApiFactory.SecondAdmin, first, false, "Chưa có quyết định kèm theo.", HttpStatusCode.OK);
        ((string)(await _journey.DetailAsync(id))["currentStepName"]!).Should().Be("Công khai, lấy ý kiến");

        // A second request, then the disclosure ends on its own: approving the stale request is refused and changes nothing.
        var again = await (await app.As(DemoAccounts.Admin)).PostAsJsonAsync($"/api/nominations/{id}/end-wait", new { reason = Reason, apply = true });
        var stale = (await again.Content.ReadFromJsonAsync<JsonObject>())!["awaitingApproval"]!.GetValue<Guid>();
        await _journey.EndDisclosureAsync(id);
        var refused = await DecideAsync(SecondApprovalApiFactory.SecondAdmin, stale, true, null, HttpStatusCode.Conflict);
        ((string)refused["code"]!).Should().Be("not-waiting");
        var list = (await (await app.As(SecondApprovalApiFactory.SecondAdmin)).GetFromJsonAsync<JsonArray>("/api/admin/repair-requests"))!;
        ((string)list.Single(r => (Guid)r!["id"]! == stale)!["status"]!).Should().Be("Pending", "a refused approval leaves the request to be declined");
        ((string)list.Single(r => (Guid)r!["id"]! == first)!["status"]!).Should().Be("Declined");

        // A request that could never be carried out is refused when asked, not recorded.
        var notWaiting = await (await app.As(DemoAccounts.Admin)).PostAsJsonAsync($"/api/nominations/{id}/end-wait", new { reason = Reason, apply = true });
        notWaiting.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }
}
