using Commendations.Domain.Notifications;
using Commendations.Domain.Workflows;
using Commendations.Features.Scheduling;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Scheduling;

/// <summary>
/// Issue 15 E2 in the application, on a fake clock with Quartz in standby (its real job store): the committee review of
/// <see cref="E2Workflows"/> escalates in a chain — the chair 2 working days after the due time, the provincial leader 5
/// days after — and reminds once more the working day after the due day. Each level is a row (<c>task_escalations</c>)
/// written with its task, given one slot trigger per instant by the planner, swept like reminders, performed once, and
/// dropped once its task is closed.
/// </summary>
public class EscalationChainTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>, IAsyncLifetime
{
    private readonly NominationSteps _steps = new(app);
    private SchedulerRig _rig = null!;

    public async Task InitializeAsync()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        _rig = SchedulerRig.Create(app.ConnectionString, app.Clock);
        await using var db = app.CreateDbContext();
        // Once per database: the E2 route is the one version of the certificate route not shipped in workflows/.
        if (!await db.WorkflowDefinitions.AnyAsync(d => d.DefinitionId == E2Workflows.CertificateId && d.Origin != DefinitionOrigin.Shipped))
            await E2Workflows.PublishCertificateAsync(db, app.Clock.GetUtcNow());
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private static DateTimeOffset Local(int y, int m, int d, int h, int minute = 0) => new(y, m, d, h, minute, 0, TestClock.Vietnam);

    private async Task<WorkflowTask> OpenTaskAsync(Guid nominationId)
    {
        await using var db = app.CreateDbContext();
        return await db.Tasks.AsNoTracking().SingleAsync(t => t.NominationId == nominationId && t.Status == WorkflowTaskStatus.Open);
    }

    public static async Task<List<(int Level, DateTimeOffset At)>> LevelRowsAsync(string connectionString, WorkflowTask task)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT level, escalate_at FROM task_escalations WHERE instance_id = @i AND task_key = @t ORDER BY level", connection);
        command.Parameters.AddWithValue("i", task.InstanceId);
        command.Parameters.AddWithValue("t", task.TaskKey);
        var rows = new List<(int, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1)));
        return rows;
    }

    public static Task<long> EscalationSlotsAtAsync(string connectionString, DateTimeOffset at) => QuartzTables.CountAsync(connectionString,
        $"SELECT count(*) FROM qrtz_triggers WHERE trigger_group = 'escalation-slots' AND trigger_name = '{Commendations.Scheduling.ScheduleKeys.EscalationSlot(at).Name}' AND next_fire_time = {at.UtcTicks}");

    private async Task<int> SweepEscalationsAsync()
    {
        var performed = 0;
        DueEscalationsSent batch;
        do
        {
            batch = await _rig.SendAsSystem(new SendDueEscalations(app.Clock.GetUtcNow()));
            performed += batch.Performed;
        } while (batch.Taken >= SendDueEscalations.DefaultBatchSize);
        await _rig.DispatchAllAsync();
        return performed;
    }

    /// <summary>
    /// A submitted collective with a name of its own: the route's first branch rejects a nominee already proposed in the
    /// campaign (the eligibility rule "one award per achievement" fails).
    /// </summary>
    private async Task<Guid> SubmittedAsync(string name)
    {
        var id = await _steps.DraftCollectiveAsync(name: name);
        await _steps.AttachRequiredDocumentsAsync(id);
        await app.Send(DemoAccounts.OfficerTanHoa, new Commendations.Features.Nominations.SubmitNomination(id, null));
        return id;
    }

    private async Task<List<Notification>> NotesAsync(Guid id, string kind) =>
        (await NotificationProbe.ForNominationAsync(app, id)).Where(n => n.Kind == kind).ToList();

    [Fact]
    public async Task Levels_fire_at_their_working_day_instants_across_Tet_and_a_weekend_once_each_after_the_due_time_and_an_overdue_reminder()
    {
        var id = await SubmittedAsync("UBND xã Bến Đình");
        app.Clock.Set(Local(2027, 1, 27, 9)); // Wednesday 27/01/2027
        await _steps.ActAsync(DemoAccounts.SteeringStandingMember, id, "approve");
        await _rig.DispatchAllAsync();

        var task = await OpenTaskAsync(id);
        task.AssigneeUserId.Should().Be(app.UserId(DemoAccounts.SteeringDeputyHead));
        // Five working days from Wednesday 27/01: Thu 28, Fri 29, Mon 1, Tue 2, Wed 3 → due Wednesday 03/02 17:00. Tết is off
        // from Thursday 04/02 to Wednesday 10/02: 2 working days after the due day are Thu 11, Fri 12 → Friday 12/02 17:00;
        // 5 are Thu 11, Fri 12, (weekend), Mon 15, Tue 16, Wed 17 → Wednesday 17/02 17:00.
        task.DueAt.Should().Be(Local(2027, 2, 3, 17));
        (await LevelRowsAsync(app.ConnectionString, task)).Should().Equal((0, Local(2027, 2, 12, 17)), (1, Local(2027, 2, 17, 17)));
        // Reminders: 2 working days before (Mon 01/02), the due day, and the first working day after it (Thu 11/02, after Tết).
        (await QuartzTables.ReminderTimesAsync(app.ConnectionString, task.InstanceId, task.TaskKey))
            .Should().Equal(Local(2027, 2, 1, 8), Local(2027, 2, 3, 8), Local(2027, 2, 11, 8));

        app.Clock.Set(Local(2027, 2, 3, 17));
        (await _rig.SweepDeadlinesAsync(app.Clock)).Should().BeGreaterThanOrEqualTo(1);
        await _rig.DispatchAllAsync();
        (await NotesAsync(id, NotificationKinds.TaskOverdue)).Should().ContainSingle();
        (await NotesAsync(id, NotificationKinds.TaskEscalated)).Should().BeEmpty("no level is at the due time");

        app.Clock.Set(Local(2027, 2, 11, 8));
        await _rig.SweepRemindersAsync(app.Clock);
        var afterDue = (await NotesAsync(id, NotificationKinds.TaskReminder)).Single(n => n.Title.StartsWith("Nhắc hồ sơ quá hạn"));
        afterDue.RecipientUserId.Should().Be(app.UserId(DemoAccounts.SteeringDeputyHead));
        afterDue.Body.Should().Contain("đã quá hạn 17:00 ngày 03/02/2027");

        app.Clock.Set(Local(2027, 2, 12, 16, 55));
        await _rig.PlanSlotsAsync(app.Clock);
        (await EscalationSlotsAtAsync(app.ConnectionString, Local(2027, 2, 12, 17))).Should().Be(1, "the planner gave the level's instant its trigger");
        (await SweepEscalationsAsync()).Should().Be(0, "five minutes early");
        app.Clock.Set(Local(2027, 2, 12, 17));
        (await SweepEscalationsAsync()).Should().Be(1);
        (await SweepEscalationsAsync()).Should().Be(0);
        var chair = (await NotesAsync(id, NotificationKinds.TaskEscalated)).Should().ContainSingle().Subject;
        chair.RecipientUserId.Should().Be(app.UserId(DemoAccounts.SteeringHead), "committeeChair is the steering committee's head");
        chair.Title.Should().Contain("cấp 1");

        // The performed level's row back (a sweep whose commit was lost after the engine's): still once.
        await using (var db = app.CreateDbContext())
        {
            db.TaskEscalations.Add(new TaskEscalation(task.InstanceId, task.TaskKey, 0, id, Local(2027, 2, 12, 17), task.DueAt));
            await db.SaveChangesAsync();
        }
        (await SweepEscalationsAsync()).Should().Be(0, "the engine knows level 1 happened");
        (await LevelRowsAsync(app.ConnectionString, task)).Select(r => r.Level).Should().Equal(1);

        app.Clock.Set(Local(2027, 2, 17, 17));
        (await SweepEscalationsAsync()).Should().Be(1);
        var escalated = await NotesAsync(id, NotificationKinds.TaskEscalated);
        escalated.Should().HaveCount(2);
        escalated.Select(n => n.RecipientUserId).Should().Contain(app.UserId(DemoAccounts.Leader));
        escalated.Single(n => n.RecipientUserId == app.UserId(DemoAccounts.Leader)).Title.Should().Contain("cấp 2");
        (await LevelRowsAsync(app.ConnectionString, task)).Should().BeEmpty();

        await using var audit = app.CreateDbContext();
        (await audit.AuditEntries.AsNoTracking().CountAsync(a => a.Action == "deadline.escalated")).Should().BeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Closing_the_task_leaves_its_levels_to_be_dropped_by_the_sweep_with_nothing_sent()
    {
        var id = await SubmittedAsync("UBND phường Đông Xuyên"); // Tuesday 01/12/2026: due Tuesday 08/12, levels Thu 10/12 and Tue 15/12
        var first = await OpenTaskAsync(id);
        (await LevelRowsAsync(app.ConnectionString, first)).Should().Equal((0, Local(2026, 12, 10, 17)), (1, Local(2026, 12, 15, 17)));

        await _steps.ApproveByWholeCommitteeAsync(id); // on to public disclosure: no review task is left open
        // The approvals wrote nothing for the tasks they closed: the rows wait for their instants and are dropped then.
        app.Clock.Set(Local(2026, 12, 10, 17));
        (await SweepEscalationsAsync()).Should().Be(0);
        (await LevelRowsAsync(app.ConnectionString, first)).Select(r => r.Level).Should().Equal([1], "the later level's instant has not come");
        app.Clock.Set(Local(2026, 12, 15, 17));
        (await SweepEscalationsAsync()).Should().Be(0);
        (await QuartzTables.CountAsync(app.ConnectionString,
            $"SELECT count(*) FROM task_escalations WHERE instance_id = '{first.InstanceId}' AND escalate_at <= '{app.Clock.GetUtcNow():O}'")).Should().Be(0);
        (await NotesAsync(id, NotificationKinds.TaskEscalated)).Should().BeEmpty();
    }
}
