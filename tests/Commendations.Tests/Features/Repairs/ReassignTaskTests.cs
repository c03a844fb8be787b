using Commendations.Common.Errors;
using Commendations.Domain.Incidents;
using Commendations.Features.Admin.Committees;
using Commendations.Features.Admin.Users;
using Commendations.Features.Incidents;
using Commendations.Features.Nominations;
using Commendations.Features.Repairs;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Features.Repairs;

/// <summary>The standing member's account is locked while it is their turn: an administrator gives the task to a member appointed in their place.</summary>
public class ReassignTaskTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);
    private const string Reason = "Đồng chí Dũng nghỉ công tác; Quyết định 31/QĐ-BCĐ bổ sung thành viên thay thế.";

    private async Task<(Guid Nomination, Guid Task)> StuckAtTheStandingMemberAsync()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        await app.Send(DemoAccounts.Admin, new SetUserLock(app.UserId(DemoAccounts.SteeringStandingMember), true));
        await using var db = app.CreateDbContext();
        var task = await db.Tasks.SingleAsync(t => t.NominationId == id && t.Status == Domain.Workflows.WorkflowTaskStatus.Open);
        return (id, task.Id);
    }

    [Fact]
    public async Task A_member_appointed_in_place_of_the_locked_one_receives_the_task_and_the_review_goes_on()
    {
        var (id, taskId) = await StuckAtTheStandingMemberAsync();
        await using (var db = app.CreateDbContext())
        {
            var steering = await db.Committees.SingleAsync(c => c.Code == DemoCatalog.SteeringCommittee);
            await app.Send(DemoAccounts.Admin, new AddCommitteeMember(steering.Id, app.UserId(DemoAccounts.CouncilMember4), "Ủy viên"));
        }

        var preview = await app.Send(DemoAccounts.Admin, new ReassignTask(taskId, null, null));
        preview.Applied.Should().BeFalse();
        preview.StepName.Should().Be("Ban Chỉ đạo xem xét");
        preview.FromName.Should().Be("Hoàng Văn Dũng");
        preview.Candidates.Select(c => c.DisplayName).Should().Equal(["Đặng Thị Kim Oanh"], "the deputy head and the head already have their turns");

        await app.Send(DemoAccounts.Admin, new ReassignTask(taskId, app.UserId(DemoAccounts.CouncilMember4), Reason, Apply: true));

        await app.Send(DemoAccounts.Admin, new SweepIncidents());
        (await app.Send(DemoAccounts.Admin, new ListIncidents())).Should().NotContain(i => i.NominationId == id, "this nomination is no longer stuck");
        var turn = (await app.Send(DemoAccounts.CouncilMember4, new GetNomination(id))).MyTurn;
        turn.Should().NotBeNull();
        await app.Send(DemoAccounts.CouncilMember4, new ActOnTask(turn!.TaskId, "approve", "Đồng ý."));
        (await app.Send(DemoAccounts.SteeringDeputyHead, new GetNomination(id))).MyTurn.Should().NotBeNull("the review went on to the next member");

        var route = await app.Send(DemoAccounts.Admin, new GetRouteView(id));
        route.Passages.Should().Contain(p => p.What == "Chuyển việc cho người khác" && p.Comment == Reason && p.Actor == DemoAccounts.Admin.DisplayName);
        await using var check = app.CreateDbContext();
        var told = await check.Notifications.Where(n => n.NominationId == id && n.Kind == "task-reassigned").Select(n => n.RecipientUserId).ToListAsync();
        told.Should().BeEquivalentTo([app.UserId(DemoAccounts.CouncilMember4), app.UserId(DemoAccounts.SteeringStandingMember)]);
        await app.Send(DemoAccounts.Admin, new SetUserLock(app.UserId(DemoAccounts.SteeringStandingMember), false));
    }

    [Fact]
    public async Task Someone_with_a_turn_already_no_reason_or_not_an_administrator_is_refused_and_nothing_moves()
    {
        var (id, taskId) = await StuckAtTheStandingMemberAsync();
        try
        {
            var twice = () => app.Send(DemoAccounts.Admin, new ReassignTask(taskId, app.UserId(DemoAccounts.SteeringDeputyHead), Reason, Apply: true));
            (await twice.Should().ThrowAsync<InputException>()).Which.Errors.Keys.Should().Equal("newUserId");
            var noReason = () => app.Send(DemoAccounts.Admin, new ReassignTask(taskId, app.UserId(DemoAccounts.CouncilMember5), " ", Apply: true));
            (await noReason.Should().ThrowAsync<InputException>()).Which.Errors.Keys.Should().Contain("reason");
            var notAdmin = () => app.Send(DemoAccounts.SteeringHead, new ReassignTask(taskId, app.UserId(DemoAccounts.SteeringHead), Reason, Apply: true));
            await notAdmin.Should().ThrowAsync<ForbiddenException>();

            await using var db = app.CreateDbContext();
            (await db.Tasks.SingleAsync(t => t.Id == taskId)).AssigneeUserId.Should().Be(app.UserId(DemoAccounts.SteeringStandingMember));
            (await app.Send(DemoAccounts.Admin, new ListIncidents())).Should().Contain(i => i.NominationId == id && i.Kind == IncidentKind.AssigneeLocked);
        }
        finally
        {
            await app.Send(DemoAccounts.Admin, new SetUserLock(app.UserId(DemoAccounts.SteeringStandingMember), false));
        }
    }
}
