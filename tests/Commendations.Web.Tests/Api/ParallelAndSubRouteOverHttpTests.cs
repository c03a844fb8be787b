using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Domain.Outbox;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// Issue 15 (E1) through HTTP: the collective titles' route (khen-thuong-tap-the) sends a dossier to the commendation
/// office and the inspectorate at once, then through the shared discipline check (the kiem-tra-ky-luat sub-route).
/// </summary>
public class ParallelAndSubRouteOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private readonly ApiJourney _journey = new(app);

    private async Task<Guid> SubmittedAsync(string awardForm, string name)
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var id = await _journey.CreateAsync(await _journey.CollectiveTitleBodyAsync(awardForm, name));
        await _journey.AttachWithMinutesAsync(id);
        await _journey.SubmitAsync(id);
        return id;
    }

    private static string StepOf(JsonNode item) => (string)item["stepKey"]!;

    [Fact]
    public async Task Both_branches_approve_then_the_discipline_sub_route_passes_and_the_flag_is_awarded()
    {
        var id = await SubmittedAsync(DemoCatalog.EmulationFlag, "UBND xã Tân Hòa");

        // Both branches' tasks are open at once, each in its own unit's inbox with its own deadline.
        var detail = await _journey.DetailAsync(id);
        detail["currentStep"]!.GetValue<string>().Should().Be("joint-check");
        detail["openTasks"]!.AsArray().Select(t => (string)t!["stepKey"]!).Should().BeEquivalentTo("joint-check/commendation-office", "joint-check/inspectorate");
        var office = (await _journey.InboxAsync(DemoAccounts.Appraiser, id)).Should().ContainSingle().Subject;
        StepOf(office).Should().Be("joint-check/commendation-office");
        var inspectorate = (await _journey.InboxAsync(DemoAccounts.Inspector, id)).Should().ContainSingle().Subject;
        StepOf(inspectorate).Should().Be("joint-check/inspectorate");
        inspectorate["dueAt"]!.GetValue<DateTimeOffset>().Should().Be(DateTimeOffset.Parse("2026-12-15T17:00:00+07:00"), "10 working days from Tuesday 01/12");
        var officeTurn = (await _journey.DetailAsync(id, DemoAccounts.Appraiser))["myTurn"]!;
        officeTurn["stepKey"]!.GetValue<string>().Should().Be("joint-check/commendation-office");
        officeTurn["actions"]!.AsArray().Select(a => (string)a!).Should().Equal("approve", "return", "reject");

        // The commendation office cannot act for the inspectorate (another unit).
        var wrong = await _journey.ActAsync(DemoAccounts.Appraiser, inspectorate["taskId"]!.GetValue<Guid>(), "approve");
        wrong.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Appraiser, office["taskId"]!.GetValue<Guid>(), "approve", "Đủ tiêu chuẩn."), HttpStatusCode.OK);
        (await _journey.DetailAsync(id))["currentStep"]!.GetValue<string>().Should().Be("joint-check", "the step waits for the other branch");
        var joined = await _journey.ActAsync(DemoAccounts.Inspector, inspectorate["taskId"]!.GetValue<Guid>(), "approve", "Không có kết luận thanh tra.");
        await ApiJourney.Expect(joined, HttpStatusCode.OK);
        (await joined.Content.ReadFromJsonAsync<JsonObject>())!["currentStep"]!.GetValue<string>().Should().Be("discipline-check");

        // The sub-route's task: in the inspector's inbox under the callee step, with the callee's actions.
        var check = (await _journey.InboxAsync(DemoAccounts.Inspector, id)).Should().ContainSingle().Subject;
        StepOf(check).Should().Be("discipline-check/complaint-check");
        var checkTurn = (await _journey.DetailAsync(id, DemoAccounts.Inspector))["myTurn"]!;
        checkTurn["actions"]!.AsArray().Select(a => (string)a!).Should().Equal("clear", "violation");
        await using (var db = _journey.CreateDbContext())
        {
            var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == id);
            var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == check["taskId"]!.GetValue<Guid>());
            task.TaskKey.Should().Be("discipline-check/complaint-check:r1:4");
            task.ReminderTimes.Should().HaveCount(2, "the callee's reminders (1 working day before, and the due day)");
            (await db.TaskReminders.AsNoTracking().CountAsync(r => r.InstanceId == instance.Id && r.TaskKey == "discipline-check/complaint-check:r1:4"))
                .Should().Be(2, "its reminders are rows like any task's");
            task.DeadlinePassedAt.Should().BeNull("its due time waits for the deadline sweep like any task's");
            Engine.InstanceState.FromJson(instance.State).Progress.Should().BeOfType<Engine.SubRouteProgress>()
                .Which.Should().BeEquivalentTo(new { DefinitionId = "kiem-tra-ky-luat", Version = 1 }, "the callee is pinned to its latest published version");
        }

        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Inspector, check["taskId"]!.GetValue<Guid>(), "clear", "Không có đơn thư."), HttpStatusCode.OK);
        (await _journey.DetailAsync(id))["currentStep"]!.GetValue<string>().Should().Be("decision");

        app.Clock.Set(Testing.TestClock.At(2027, 1, 12));
        var decision = await (await app.As(DemoAccounts.Leader)).PostAsJsonAsync("/api/decisions", new
        {
            number = "301/QĐ-UBND", date = "2027-01-12", signerName = "Ngô Đức Mạnh", signerTitle = "Chủ tịch UBND tỉnh",
            citation = "Đã dẫn đầu phong trào thi đua năm 2026", nominationIds = new[] { id },
        });
        await ApiJourney.Expect(decision, HttpStatusCode.Created);

        detail = await _journey.DetailAsync(id);
        detail["status"]!.GetValue<string>().Should().Be("Awarded");
        var timeline = detail["timeline"]!.AsArray();
        var steps = timeline.Select(e => (string?)e!["stepKey"]).Where(s => s is not null).Distinct().ToList();
        // An action's own line follows the steps it led to (the use case records it after the transition).
        steps.Should().ContainInOrder("unit-proposal", "joint-check", "discipline-check", "discipline-check/complaint-check", "discipline-check/passed", "decision", "awarded")
            .And.Contain(["joint-check/commendation-office", "joint-check/inspectorate"]);
        timeline.Should().Contain(e => (string)e!["action"]! == "task.clear" && (string)e["stepKey"]! == "discipline-check/complaint-check"
                                       && (string)e["actorName"]! == DemoAccounts.Inspector.DisplayName);
        timeline.Where(e => (string)e!["action"]! == "task.approve").Select(e => (string)e!["actorName"]!)
            .Should().Equal(DemoAccounts.Appraiser.DisplayName, DemoAccounts.Inspector.DisplayName);
    }

    [Fact]
    public async Task One_branch_rejecting_ends_the_check_at_once_and_takes_the_other_branch_out_of_its_inbox()
    {
        var id = await SubmittedAsync(DemoCatalog.ExcellentLabourCollective, "Trung tâm Phục vụ hành chính công tỉnh");
        var inspectorate = (await _journey.InboxAsync(DemoAccounts.Inspector, id)).Single();

        var noReason = await _journey.ActAsync(DemoAccounts.Inspector, inspectorate["taskId"]!.GetValue<Guid>(), "reject");
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a rejection needs a written reason");
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Inspector, inspectorate["taskId"]!.GetValue<Guid>(), "reject", "Đơn vị đang bị thanh tra."), HttpStatusCode.OK);

        var detail = await _journey.DetailAsync(id);
        detail["status"]!.GetValue<string>().Should().Be("Rejected");
        detail["openTasks"]!.AsArray().Should().BeEmpty();
        (await _journey.InboxAsync(DemoAccounts.Appraiser, id)).Should().BeEmpty("the commendation office's task was cancelled");
        detail["timeline"]!.AsArray().Should().Contain(e => (string)e!["action"]! == "task.reject" && (string)e["comment"]! == "Đơn vị đang bị thanh tra.");
    }

    [Fact]
    public async Task A_return_from_one_branch_sends_the_dossier_back_and_resubmission_opens_every_branch_again()
    {
        var id = await SubmittedAsync(DemoCatalog.ExcellentLabourCollective, "Phòng Văn hóa - Xã hội phường Đông Xuyên");
        var inspectorate = (await _journey.InboxAsync(DemoAccounts.Inspector, id)).Single();
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Inspector, inspectorate["taskId"]!.GetValue<Guid>(), "approve"), HttpStatusCode.OK);
        var office = (await _journey.InboxAsync(DemoAccounts.Appraiser, id)).Single();
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Appraiser, office["taskId"]!.GetValue<Guid>(), "return", "Thiếu biên bản bình xét."), HttpStatusCode.OK);

        var detail = await _journey.DetailAsync(id);
        detail["status"]!.GetValue<string>().Should().Be("Returned");
        detail["round"]!.GetValue<int>().Should().Be(2);
        detail["currentStep"]!.GetValue<string>().Should().Be("unit-proposal");

        await _journey.SubmitAsync(id);
        var again = await _journey.InboxAsync(DemoAccounts.Inspector, id);
        again.Should().ContainSingle().Which["round"]!.GetValue<int>().Should().Be(2, "the inspectorate's earlier approval does not carry over a return");
        (await _journey.InboxAsync(DemoAccounts.Appraiser, id)).Should().ContainSingle().Which["stepKey"]!.GetValue<string>().Should().Be("joint-check/commendation-office");
    }

    [Fact]
    public async Task A_failed_discipline_check_rejects_the_nomination()
    {
        var id = await SubmittedAsync(DemoCatalog.EmulationFlag, "UBND phường Đông Xuyên");
        foreach (var account in new[] { DemoAccounts.Appraiser, DemoAccounts.Inspector })
            await ApiJourney.Expect(await _journey.ActAsync(account, (await _journey.InboxAsync(account, id)).Single()["taskId"]!.GetValue<Guid>(), "approve"), HttpStatusCode.OK);
        var check = (await _journey.InboxAsync(DemoAccounts.Inspector, id)).Single();
        (await _journey.ActAsync(DemoAccounts.Inspector, check["taskId"]!.GetValue<Guid>(), "approve")).StatusCode.Should().Be(HttpStatusCode.BadRequest,
            "the callee's task offers its own actions only");
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Inspector, check["taskId"]!.GetValue<Guid>(), "violation", "Có đơn tố cáo đang giải quyết."), HttpStatusCode.OK);
        (await _journey.DetailAsync(id))["status"]!.GetValue<string>().Should().Be("Rejected");
    }

    [Fact]
    public async Task The_inspectors_inbox_page_names_the_sub_route_step()
    {
        var id = await SubmittedAsync(DemoCatalog.EmulationFlag, "UBND xã Bến Đình");
        foreach (var account in new[] { DemoAccounts.Appraiser, DemoAccounts.Inspector })
            await ApiJourney.Expect(await _journey.ActAsync(account, (await _journey.InboxAsync(account, id)).Single()["taskId"]!.GetValue<Guid>(), "approve"), HttpStatusCode.OK);

        var browser = app.BrowserClient();
        var login = await browser.PostAsJsonAsync("/api/auth/login", new { userName = DemoAccounts.Inspector.UserName, password = DemoAccounts.Password, useCookie = true });
        login.EnsureSuccessStatusCode();
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/viec-can-xu-ly"));
        page.Should().Contain("UBND xã Bến Đình").And.Contain("Thanh tra xác nhận kỷ luật, khiếu nại");
        var nominationPage = WebUtility.HtmlDecode(await browser.GetStringAsync($"/de-nghi/{id}"));
        nominationPage.Should().Contain("Thanh tra xác nhận kỷ luật, khiếu nại");
    }
}
