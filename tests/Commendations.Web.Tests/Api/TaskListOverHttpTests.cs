using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Common.Security;
using Commendations.Domain.Users;
using Commendations.Persistence;
using Commendations.Seeding;
using Commendations.Web.Tests.Auth;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// Issue 17, part 5 over HTTP: role tasks claimed and released by one of two appraisers, the task list's filters, paging
/// and counts, and a bulk approval where one item is refused and the others go through, each audited on its own.
/// </summary>
public class TaskListOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private readonly ApiJourney _journey = new(app);

    /// <summary>A second appraiser of the commendation office (the demo has one), so the office's role task has two takers.</summary>
    private static readonly DemoAccounts.Account SecondAppraiser =
        new("thamdinh2", "Lê Minh Quân", "Chuyên viên Phòng Thi đua, khen thưởng", DemoAccounts.Appraiser.UnitCode, Roles.Appraiser);

    [Fact]
    public async Task One_appraiser_claims_the_office_task_the_other_sees_who_has_it_and_is_refused_until_it_is_released()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        await EnsureSecondAppraiserAsync();
        var id = await ToAppraisalAsync("Phòng Tư pháp huyện Tân Hòa");
        var lan = await app.As(DemoAccounts.Appraiser);
        var quan = await app.As(SecondAppraiser);
        var taskId = await _journey.TaskInInboxAsync(SecondAppraiser, id);

        // Two claims at once: exactly one wins, the other is told who has it.
        var claims = await Task.WhenAll(lan.PostAsync($"/api/tasks/{taskId}/claim", null), quan.PostAsync($"/api/tasks/{taskId}/claim", null));
        claims.Select(c => c.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var (winner, loser, winnerName) = claims[0].IsSuccessStatusCode
            ? (DemoAccounts.Appraiser, SecondAppraiser, DemoAccounts.Appraiser.DisplayName)
            : (SecondAppraiser, DemoAccounts.Appraiser, SecondAppraiser.DisplayName);
        var refusedClaim = await ApiJourney.Problem(claims.Single(c => !c.IsSuccessStatusCode));
        ((string)refusedClaim["code"]!).Should().Be("claimed-by-other");
        ((string)refusedClaim["detail"]!).Should().Contain(winnerName);

        // The other sees it marked with the claimer's name, and may not act on it.
        var seen = (await MyTasksAsync(loser, "kind=Role")).Single(t => (Guid)t!["nominationId"]! == id)!;
        ((string)seen["claimedByName"]!).Should().Be(winnerName);
        ((bool)seen["claimedByMe"]!).Should().BeFalse();
        ((string)(await _journey.DetailAsync(id, loser))["myTurn"]!["claimedByOther"]!).Should().Be(winnerName);
        (await _journey.DetailAsync(id, winner))["myTurn"]!["claimedByOther"].Should().BeNull();
        var refused = await _journey.ActAsync(loser, taskId, "forward", "Đủ điều kiện.");
        await ApiJourney.Expect(refused, HttpStatusCode.Conflict);
        ((string)(await ApiJourney.Problem(refused))["code"]!).Should().Be("claimed-by-other");
        // Nor release it (only the claimer, or an administrator with a reason).
        await ApiJourney.Expect(await (await app.As(loser)).PostAsJsonAsync($"/api/tasks/{taskId}/release", new { }), HttpStatusCode.Conflict);
        var noReason = await (await app.As(DemoAccounts.Admin)).PostAsJsonAsync($"/api/tasks/{taskId}/release", new { });
        (await noReason.ShouldBeValidationProblem()).Errors.Keys.Should().Contain("reason");
        // Someone outside the office does not even learn it exists.
        await ApiJourney.Expect(await (await app.As(DemoAccounts.Inspector)).PostAsync($"/api/tasks/{taskId}/claim", null), HttpStatusCode.NotFound);
        (await MyTasksAsync(winner, "claimedByMe=true")).Should().ContainSingle(t => (Guid)t!["taskId"]! == taskId);

        // Released, it is back in the pool: the other takes it and acts.
        await ApiJourney.Expect(await (await app.As(winner)).PostAsJsonAsync($"/api/tasks/{taskId}/release", new { }), HttpStatusCode.OK);
        var back = (await MyTasksAsync(loser, "kind=Role")).Single(t => (Guid)t!["taskId"]! == taskId)!;
        back["claimedByName"].Should().BeNull();
        await ApiJourney.Expect(await (await app.As(loser)).PostAsync($"/api/tasks/{taskId}/claim", null), HttpStatusCode.OK);
        // An administrator gives it back with a reason: the person who had it is told, with the reason.
        await ApiJourney.Expect(await (await app.As(DemoAccounts.Admin)).PostAsJsonAsync($"/api/tasks/{taskId}/release",
            new { reason = "Đồng chí nghỉ phép đột xuất." }), HttpStatusCode.OK);
        var told = (await _journey.NotificationsAsync(loser, id)).Select(n => (string)n["body"]!).ToList();
        told.Should().ContainSingle(b => b.Contains("Quản trị viên đã trả lại việc") && b.Contains("Đồng chí nghỉ phép đột xuất."));
        await ApiJourney.Expect(await (await app.As(loser)).PostAsync($"/api/tasks/{taskId}/claim", null), HttpStatusCode.OK);
        await ApiJourney.Expect(await _journey.ActAsync(loser, taskId, "forward", "Đủ điều kiện."), HttpStatusCode.OK);

        var actions = (await _journey.DetailAsync(id))["timeline"]!.AsArray().Select(e => (string)e!["action"]!).ToList();
        actions.Where(a => a == "claim.taken").Should().HaveCount(3);
        actions.Where(a => a == "claim.released").Should().HaveCount(2);
        actions.Should().Contain("claim.released");
    }

    [Fact]
    public async Task A_bulk_approval_goes_through_for_each_item_it_can_and_says_why_one_item_was_refused()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var ids = new List<Guid>();
        foreach (var name in new[] { "Trường Tiểu học Tân Hòa", "Trạm Y tế xã Tân Hòa", "Hội Nông dân xã Tân Hòa" })
            ids.Add(await SubmittedAsync(name));
        var member = ApiJourney.Steering[0];
        var tasks = new List<Guid>();
        foreach (var id in ids)
            tasks.Add(await _journey.TaskInInboxAsync(member, id));
        // The third was approved on its own already: in the bulk it is refused; the other two go through.
        await ApiJourney.Expect(await _journey.ActAsync(member, tasks[2], "approve", "Đồng ý."), HttpStatusCode.OK);

        var response = await (await app.As(member)).PostAsJsonAsync("/api/tasks/bulk-actions",
            new { taskIds = tasks, meaning = "approve", comment = "Đồng ý, chuyển tiếp." });
        await ApiJourney.Expect(response, HttpStatusCode.OK);
        var items = (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
        items.Select(i => (bool)i!["ok"]!).Should().Equal(true, true, false);
        ((string)items[2]!["code"]!).Should().Be("task-closed");
        ((string)items[2]!["message"]!).Should().Be("Việc này đã được xử lý.");
        ((string)items[2]!["nomineeName"]!).Should().Be("Hội Nông dân xã Tân Hòa");

        foreach (var id in ids)
        {
            var approvals = (await _journey.DetailAsync(id))["timeline"]!.AsArray()
                .Where(e => (string)e!["action"]! == "task.approve" && (string)e["actorName"]! == member.DisplayName).ToList();
            approvals.Should().ContainSingle("each item is its own action with its own audit entry");
        }
        (await _journey.DetailAsync(ids[0]))["timeline"]!.AsArray()
            .Should().Contain(e => (string?)e!["comment"] == "Đồng ý, chuyển tiếp.");

        // Not for everyone: an officer may not bulk-act; nor may anyone cast a submission or too many at once.
        await ApiJourney.Expect(await (await app.As(DemoAccounts.OfficerTanHoa)).PostAsJsonAsync("/api/tasks/bulk-actions",
            new { taskIds = tasks, meaning = "approve", comment = "x" }), HttpStatusCode.Forbidden);
        var bad = await (await app.As(member)).PostAsJsonAsync("/api/tasks/bulk-actions",
            new { taskIds = Enumerable.Range(0, 51).Select(_ => Guid.NewGuid()), meaning = "submit", comment = "" });
        (await bad.ShouldBeValidationProblem()).Errors.Keys.Should().Contain(["taskIds", "meaning"]);
    }

    [Fact]
    public async Task The_task_list_filters_searches_sorts_pages_and_counts_the_readers_own_tasks()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        foreach (var name in new[] { "Ủy ban nhân dân xã Tân Hòa", "Đoàn Thanh niên xã Tân Hòa", "Công an xã Tân Hòa" })
            await SubmittedAsync(name);
        var member = ApiJourney.Steering[0];
        var client = await app.As(member);

        var all = (await client.GetFromJsonAsync<JsonObject>("/api/tasks?pageSize=2"))!;
        var total = (int)all["tasks"]!["totalCount"]!;
        total.Should().BeGreaterThanOrEqualTo(3);
        all["tasks"]!["items"]!.AsArray().Should().HaveCount(2);
        var page2 = (await client.GetFromJsonAsync<JsonObject>("/api/tasks?pageSize=2&page=2"))!["tasks"]!["items"]!.AsArray();
        page2.Select(t => (Guid)t!["taskId"]!).Should().NotIntersectWith(all["tasks"]!["items"]!.AsArray().Select(t => (Guid)t!["taskId"]!));
        var dues = (await MyTasksAsync(member, "pageSize=100")).Select(t => (DateTimeOffset)t!["dueAt"]!).ToList();
        dues.Should().BeInAscendingOrder();

        // Search without diacritics, kind and campaign, overdue after the due time passes, follow-up date.
        var found = await MyTasksAsync(member, "search=doan thanh nien");
        found.Should().ContainSingle().Which!["nomineeName"]!.GetValue<string>().Should().Be("Đoàn Thanh niên xã Tân Hòa");
        found[0]!["stepName"]!.GetValue<string>().Should().Be("Ban Chỉ đạo xem xét");
        found[0]!["kind"]!.GetValue<string>().Should().Be("Personal");
        found[0]!["bulkMeanings"]!.AsArray().Select(m => (string)m!).Should().Contain("approve");
        (await MyTasksAsync(member, "kind=Role")).Should().BeEmpty();
        (await MyTasksAsync(member, "kind=Vote")).Should().BeEmpty();
        var campaign = await _journey.CurrentCampaignAsync();
        (await MyTasksAsync(member, $"campaignId={campaign}&pageSize=100")).Should().HaveCount(total);
        (await MyTasksAsync(member, $"campaignId={Guid.NewGuid()}")).Should().BeEmpty();
        (await MyTasksAsync(member, "overdueOnly=true")).Should().BeEmpty();
        var names = (await MyTasksAsync(member, "sort=Nominee&pageSize=2&page=2")).Select(t => (string)t!["nomineeName"]!).ToList();
        names.Should().BeInAscendingOrder(StringComparer.Ordinal)
            .And.NotIntersectWith((await MyTasksAsync(member, "sort=Nominee&pageSize=2")).Select(t => (string)t!["nomineeName"]!));
        // The step by the name people see (never its key).
        (await MyTasksAsync(member, $"step={Uri.EscapeDataString("Ban Chỉ đạo xem xét")}&pageSize=100")).Should().HaveCount(total);
        (await MyTasksAsync(member, $"step={Uri.EscapeDataString("Thẩm định hồ sơ")}&pageSize=100")).Should().BeEmpty();

        var taskId = (Guid)found[0]!["taskId"]!;
        await ApiJourney.Expect(await client.PutAsJsonAsync($"/api/tasks/{taskId}/follow-up", new { on = "2026-12-03" }), HttpStatusCode.OK);
        var followed = await MyTasksAsync(member, "followUpBy=2026-12-05");
        followed.Should().ContainSingle().Which!["followUpOn"]!.GetValue<string>().Should().Be("2026-12-03");
        (await MyTasksAsync(member, "sort=FollowUp&pageSize=100"))[0]!["taskId"]!.GetValue<Guid>().Should().Be(taskId);
        // Private: another member sees no follow-up date, and may not set one on a task that is not theirs.
        await ApiJourney.Expect(await (await app.As(ApiJourney.Steering[1])).PutAsJsonAsync($"/api/tasks/{taskId}/follow-up", new { on = "2026-12-03" }),
            HttpStatusCode.NotFound);

        app.Clock.Set(Testing.TestClock.At(2027, 2, 1));
        var late = (await (await app.As(member)).GetFromJsonAsync<JsonObject>("/api/tasks?overdueOnly=true&pageSize=100"))!;
        late["tasks"]!["items"]!.AsArray().Should().HaveCount(total);
        late["counts"]!["overdue"]!["count"]!.GetValue<int>().Should().Be(total);
        late["tasks"]!["items"]!.AsArray().Should().OnlyContain(t => (bool)t!["overdue"]!);

        // Bad input is a clear ProblemDetails, never a 500.
        client = await app.As(member);
        (await (await client.GetAsync("/api/tasks?pageSize=1000")).ShouldBeValidationProblem()).Errors.Keys.Should().Contain("pageSize");
        (await (await client.GetAsync("/api/tasks?dueFrom=2026-12-10&dueTo=2026-12-01")).ShouldBeValidationProblem()).Errors.Keys.Should().Contain("dueTo");
    }

    [Fact]
    public async Task A_returned_dossier_renamed_by_its_unit_is_found_and_sorted_by_its_new_name_in_the_officers_task_list()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var id = await SubmittedAsync("Hội Nông dân xã Tân Hòa");
        await ApiJourney.Expect(await _journey.ActAsync(ApiJourney.Steering[0], await _journey.TaskInInboxAsync(ApiJourney.Steering[0], id), "return",
            "Bổ sung bảng tổng hợp số liệu."), HttpStatusCode.OK);
        var officer = DemoAccounts.OfficerTanHoa;
        (await MyTasksAsync(officer, "search=hoi nong dan")).Should().ContainSingle();

        await ApiJourney.Expect(await (await app.As(officer)).PutAsJsonAsync($"/api/nominations/{id}", new
        {
            collective = new { name = "Hội Cựu chiến binh xã Tân Hòa", headcount = 20, women = 9, advancedWorkers = 15 },
            achievementSummary = "Hoàn thành xuất sắc nhiệm vụ.",
        }), HttpStatusCode.NoContent);

        // The list searches and sorts by the name on the task (copied for speed): it follows the unit's correction.
        (await MyTasksAsync(officer, "search=hoi nong dan")).Should().BeEmpty();
        var renamed = await MyTasksAsync(officer, "search=cuu chien binh");
        renamed.Should().ContainSingle().Which!["nomineeName"]!.GetValue<string>().Should().Be("Hội Cựu chiến binh xã Tân Hòa");
        var campaign = await _journey.CurrentCampaignAsync();
        (await MyTasksAsync(officer, $"campaignId={campaign}&search=cuu chien binh")).Should().ContainSingle();
        var byName = (await MyTasksAsync(officer, "sort=Nominee&pageSize=100")).Select(t => (string)t!["nomineeName"]!).ToList();
        byName.Should().Contain("Hội Cựu chiến binh xã Tân Hòa").And.BeInAscendingOrder(StringComparer.Ordinal);
    }

    private async Task<JsonArray> MyTasksAsync(DemoAccounts.Account account, string query) =>
        (await (await app.As(account)).GetFromJsonAsync<JsonObject>("/api/tasks?" + query))!["tasks"]!["items"]!.AsArray();

    private async Task<Guid> SubmittedAsync(string name)
    {
        var id = await _journey.CreateAsync(new
        {
            campaignId = await _journey.CurrentCampaignAsync(), awardFormCode = DemoCatalog.CertificateOfMerit, kind = "Collective",
            collective = new { name, headcount = 20, women = 9, advancedWorkers = 15 }, achievementSummary = "Hoàn thành xuất sắc nhiệm vụ.",
        });
        await _journey.AttachRequiredAsync(id);
        await _journey.SubmitAsync(id);
        return id;
    }

    private async Task<Guid> ToAppraisalAsync(string name)
    {
        var id = await SubmittedAsync(name);
        foreach (var member in ApiJourney.Steering)
            await ApiJourney.Expect(await _journey.ActAsync(member, await _journey.TaskInInboxAsync(member, id), "approve", "Đồng ý."), HttpStatusCode.OK);
        await _journey.EndDisclosureAsync(id);
        return id;
    }

    private async Task EnsureSecondAppraiserAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(SecondAppraiser.UserName) is not null)
            return;
        var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
        var unit = await db.Units.SingleAsync(u => u.Code == SecondAppraiser.UnitCode);
        var user = new AppUser
        {
            UserName = SecondAppraiser.UserName, Email = SecondAppraiser.UserName + "@lamgiang.example", EmailConfirmed = true,
            DisplayName = SecondAppraiser.DisplayName, Title = SecondAppraiser.Title, UnitId = unit.Id,
        };
        (await users.CreateAsync(user, DemoAccounts.Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, SecondAppraiser.Role)).Succeeded.Should().BeTrue();
    }
}
