using Commendations.Domain.Catalog;
using Commendations.Domain.Notifications;
using Commendations.Domain.Workflows;
using Commendations.Features.Nominations;
using Commendations.Features.Scheduling;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Scheduling;

/// <summary>
/// Branch tasks of a parallel step and tasks of a sub-route are scheduled like any task: reminder rows, a due trigger
/// keyed by the (prefixed) task id, the reminder sweep and the deadline job reach their assignee.
/// </summary>
public class NestedTaskSchedulingTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>, IAsyncLifetime
{
    private readonly NominationSteps _steps = new(app);
    private SchedulerRig _rig = null!;

    public Task InitializeAsync()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        _rig = SchedulerRig.Create(app.ConnectionString, app.Clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private static DateTimeOffset Local(int y, int m, int d, int h) => new(y, m, d, h, 0, 0, TestClock.Vietnam);

    private async Task<List<WorkflowTask>> OpenTasksAsync(Guid nominationId)
    {
        await using var db = app.CreateDbContext();
        return await db.Tasks.AsNoTracking().Where(t => t.NominationId == nominationId && t.Status == WorkflowTaskStatus.Open).OrderBy(t => t.TaskKey).ToListAsync();
    }

    private async Task<Guid> SubmittedFlagAsync()
    {
        var id = await app.Send(DemoAccounts.OfficerTanHoa, new CreateNomination(await _steps.CampaignAsync(DemoCatalog.CurrentRegularCampaign),
            DemoCatalog.EmulationFlag, NomineeKind.Collective, null, new CollectiveInput("UBND xã Tân Hòa", 28, 13, 22),
            "Dẫn đầu Cụm thi đua số 2 năm 2026."));
        await _steps.AttachRequiredDocumentsAsync(id);
        await app.Send(DemoAccounts.OfficerTanHoa, new AddDocument(id, DocumentKind.Minutes, "bien-ban.pdf", NominationSteps.Pdf));
        await app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, "Kính trình."));
        return id;
    }

    [Fact]
    public async Task Branch_tasks_and_the_sub_route_task_get_reminders_and_deadlines_that_reach_their_assignees()
    {
        var id = await SubmittedFlagAsync(); // Tuesday 01/12/2026 09:00
        await _rig.DispatchAllAsync();

        // Two branches, each its own due time and reminder rows: 10 working days → Tuesday 15/12 17:00.
        var branches = await OpenTasksAsync(id);
        branches.Select(t => t.TaskKey).Should().Equal("joint-check/commendation-office:r1:2", "joint-check/inspectorate:r1:3");
        branches.Should().OnlyContain(t => t.DueAt == Local(2026, 12, 15, 17) && t.DeadlinePassedAt == null);
        (await QuartzTables.ReminderTimesAsync(app.ConnectionString, branches[0].InstanceId, branches[0].TaskKey))
            .Should().Equal(Local(2026, 12, 11, 8), Local(2026, 12, 15, 8));
        (await QuartzTables.ReminderTimesAsync(app.ConnectionString, branches[1].InstanceId, branches[1].TaskKey))
            .Should().Equal(Local(2026, 12, 11, 8));

        await _steps.ActAsync(DemoAccounts.Appraiser, id, "approve", "Đủ tiêu chuẩn.");
        await _rig.DispatchAllAsync();
        (await OpenTasksAsync(id)).Select(t => t.TaskKey).Should().Equal([branches[1].TaskKey], "the office's branch is done, the inspectorate's is not");

        await _steps.ActAsync(DemoAccounts.Inspector, id, "approve");
        await _rig.DispatchAllAsync();
        var check = (await OpenTasksAsync(id)).Should().ContainSingle().Subject;
        check.TaskKey.Should().Be("discipline-check/complaint-check:r1:4");
        check.AssigneeUnitId.Should().Be(app.User(DemoAccounts.Inspector).UnitId);
        // The callee's 5 working days: Tuesday 08/12 17:00; reminders the working day before and on the due day.
        check.DueAt.Should().Be(Local(2026, 12, 8, 17));
        (await QuartzTables.ReminderTimesAsync(app.ConnectionString, check.InstanceId, check.TaskKey)).Should().Equal(Local(2026, 12, 7, 8), Local(2026, 12, 8, 8));

        app.Clock.Set(Local(2026, 12, 7, 8));
        await _rig.SweepRemindersAsync(app.Clock);
        app.Clock.Set(Local(2026, 12, 8, 17));
        (await _rig.SweepDeadlinesAsync(app.Clock)).Should().BeGreaterThanOrEqualTo(1);
        (await _rig.SweepDeadlinesAsync(app.Clock)).Should().Be(0, "the deadline was already handled");
        await _rig.DispatchAllAsync();
        await _rig.DispatchAllAsync();

        var inspector = app.UserId(DemoAccounts.Inspector);
        var notes = await NotificationProbe.ForNominationAsync(app, id);
        notes.Where(n => n.RecipientUserId == inspector).Select(n => n.Kind).Should().BeEquivalentTo(
            [NotificationKinds.TaskAssigned, NotificationKinds.TaskReminder, NotificationKinds.TaskOverdue],
            "the sub-route task's assignee is told of their turn, reminded, then told it is overdue");
        (await OpenTasksAsync(id)).Should().ContainSingle().Which.TaskKey.Should().Be(check.TaskKey, "the check has no escalation action: it stays open");
    }
}
