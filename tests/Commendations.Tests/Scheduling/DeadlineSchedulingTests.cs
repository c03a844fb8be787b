using Commendations.Common.Security;
using Commendations.Domain.Notifications;
using System.Text.Json;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Workflow;
using Commendations.Features.Scheduling;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Scheduling;

/// <summary>
/// Deadlines as data: what a transition writes for a task in its own transaction — its reminder rows (task_reminders),
/// escalation rows, and the task row whose due time the deadline sweep takes — what the slot planner stores in Quartz's
/// real job store (one trigger per instant, read back from the tables), and what the sweeps do when they run, on a fake
/// clock (Quartz in standby: nothing fires by itself here). The tests of a class share one database, so sweeps are
/// judged by each test's own nominations.
/// </summary>
public class DeadlineSchedulingTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>, IAsyncLifetime
{
    private readonly NominationSteps _steps = new(app);
    private SchedulerRig _rig = null!;

    public Task InitializeAsync()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1)); // tests move the shared clock; each starts on Tuesday 01/12/2026 09:00
        _rig = SchedulerRig.Create(app.ConnectionString, app.Clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private static DateTimeOffset Local(int y, int m, int d, int h, int minute = 0) => new(y, m, d, h, minute, 0, TestClock.Vietnam);

    private async Task<WorkflowTask> OpenTaskAsync(Guid nominationId)
    {
        await using var db = app.CreateDbContext();
        return await db.Tasks.AsNoTracking().SingleAsync(t => t.NominationId == nominationId && t.Status == WorkflowTaskStatus.Open);
    }

    private async Task<WorkflowTask> TaskAsync(Guid id)
    {
        await using var db = app.CreateDbContext();
        return await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == id);
    }

    private Task<List<DateTimeOffset>> RemindersAsync(WorkflowTask task) => QuartzTables.ReminderTimesAsync(app.ConnectionString, task.InstanceId, task.TaskKey);

    private Task<DateTimeOffset?> SlotAsync(DateTimeOffset at) => QuartzTables.SlotAsync(app.ConnectionString, at);

    private Task<DateTimeOffset?> DeadlineSlotAsync(DateTimeOffset at) =>
        QuartzTables.SlotAsync(app.ConnectionString, Commendations.Scheduling.ScheduleKeys.DeadlineSlot(at));

    private async Task<List<string>> OutboxKindsAsync(Guid nominationId)
    {
        await using var db = app.CreateDbContext();
        var messages = await db.Outbox.AsNoTracking().ToListAsync();
        return messages.Where(m => m.Payload.Contains(nominationId.ToString())).Select(m => m.Kind).ToList();
    }

    private async Task<int> RemindersOfAsync(Guid nominationId) =>
        (await NotificationProbe.ForNominationAsync(app, nominationId)).Count(n => n.Kind == NotificationKinds.TaskReminder);

    [Fact]
    public async Task A_review_task_opened_on_Tuesday_has_its_reminders_and_deadline_on_working_days_across_the_weekend()
    {
        var id = await _steps.SubmittedCollectiveAsync(); // Tuesday 01/12/2026 09:00

        // Written by the submission's own transaction: no dispatcher has run.
        var task = await OpenTaskAsync(id);
        task.StepKey.Should().Be("committee-review");
        // 5 working days: Wed 2, Thu 3, Fri 4, (weekend), Mon 7, Tue 8 → due Tue 08/12 17:00; reminders 2 working days
        // before (Fri 04/12, across the weekend) and on the due day, at 08:00.
        task.DueAt.Should().Be(Local(2026, 12, 8, 17));
        task.DeadlinePassedAt.Should().BeNull();
        (await RemindersAsync(task)).Should().Equal(Local(2026, 12, 4, 8), Local(2026, 12, 8, 8));
        (await QuartzTables.InstanceTriggersAsync(app.ConnectionString, task.InstanceId)).Should().Be(0, "Quartz holds no job or trigger per task");
        (await OutboxKindsAsync(id)).Should().NotContain(k => k.StartsWith("deadline."), "a deadline is not a message");

        // The planner gives each instant of the coming minutes its trigger: Friday's 08:00 reminder slot, Tuesday's
        // 17:00 deadline slot.
        app.Clock.Set(Local(2026, 12, 4, 7, 55));
        (await _rig.PlanSlotsAsync(app.Clock)).Should().BeGreaterThanOrEqualTo(1);
        (await SlotAsync(Local(2026, 12, 4, 8))).Should().Be(Local(2026, 12, 4, 8));
        (await DeadlineSlotAsync(Local(2026, 12, 8, 17))).Should().BeNull("17:00 on Tuesday is beyond the planner's horizon");
        app.Clock.Set(Local(2026, 12, 8, 16, 55));
        await _rig.PlanSlotsAsync(app.Clock);
        (await DeadlineSlotAsync(Local(2026, 12, 8, 17))).Should().Be(Local(2026, 12, 8, 17));
        (await _rig.PlanSlotsAsync(app.Clock)).Should().Be(0, "an instant that has its trigger is not planned again");
    }

    [Fact]
    public async Task Across_Tet_the_next_members_reminders_and_escalation_skip_the_holiday_and_each_fires_once()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        app.Clock.Set(Local(2027, 2, 1, 9)); // Monday 01/02/2027; Tết off from Thursday 04/02 to Wednesday 10/02
        await _steps.ActAsync(DemoAccounts.SteeringStandingMember, id, "approve");

        var task = await OpenTaskAsync(id);
        task.AssigneeUserId.Should().Be(app.UserId(DemoAccounts.SteeringDeputyHead));
        // Working days: Tue 2, Wed 3, (Tết 4–10), Thu 11, Fri 12, Mon 15 → due Mon 15/02 17:00; 2 working days before it is Thu 11/02.
        task.DueAt.Should().Be(Local(2027, 2, 15, 17));
        (await RemindersAsync(task)).Should().Equal(Local(2027, 2, 11, 8), Local(2027, 2, 15, 8));

        app.Clock.Set(Local(2027, 2, 11, 8));
        await _rig.SweepRemindersAsync(app.Clock);
        (await RemindersOfAsync(id)).Should().Be(1);
        await _rig.SweepRemindersAsync(app.Clock);
        (await RemindersOfAsync(id)).Should().Be(1, "a reminder swept twice is delivered once");
        (await RemindersAsync(task)).Should().Equal([Local(2027, 2, 15, 8)], "a sent reminder's row is gone, the next one waits");
        await _rig.SweepDeadlinesAsync(app.Clock);
        (await TaskAsync(task.Id)).DeadlinePassedAt.Should().BeNull("the task is not due yet");

        app.Clock.Set(Local(2027, 2, 15, 17));
        (await _rig.SweepDeadlinesAsync(app.Clock)).Should().BeGreaterThanOrEqualTo(1);
        (await TaskAsync(task.Id)).DeadlinePassedAt.Should().Be(Local(2027, 2, 15, 17));
        await _rig.SweepDeadlinesAsync(app.Clock); // the deadline was already handled: nothing more is sent (below)
        await _rig.DispatchAllAsync();
        await _rig.DispatchAllAsync();

        var notes = await NotificationProbe.ForNominationAsync(app, id);
        var deputy = app.UserId(DemoAccounts.SteeringDeputyHead);
        notes.Where(n => n.RecipientUserId == deputy).Select(n => n.Kind).Should().BeEquivalentTo(
            NotificationKinds.TaskAssigned, NotificationKinds.TaskReminder, NotificationKinds.TaskOverdue);
        // The step escalates to the committee chair (notifyRole committeeChair): the steering committee's head.
        notes.Where(n => n.Kind == NotificationKinds.TaskEscalated).Select(n => n.RecipientUserId).Should().Equal(app.UserId(DemoAccounts.SteeringHead));
        notes.Single(n => n.Kind == NotificationKinds.TaskEscalated).Body.Should().Contain("17:00 ngày 15/02/2027").And.Contain("quá hạn");
    }

    [Fact]
    public async Task An_approval_writes_the_next_task_s_schedule_in_its_own_transaction_and_nothing_for_the_closed_task()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        var first = await OpenTaskAsync(id);
        var triggers = await QuartzTables.CountAsync(app.ConnectionString, "SELECT count(*) FROM qrtz_triggers");

        await _steps.ActAsync(DemoAccounts.SteeringStandingMember, id, "approve");

        var next = await OpenTaskAsync(id);
        (await RemindersAsync(next)).Should().HaveCount(2, "the next member's reminders are rows of the approval's transaction");
        (await QuartzTables.CountAsync(app.ConnectionString, "SELECT count(*) FROM qrtz_triggers")).Should().Be(triggers, "an approval never writes to Quartz");
        (await OutboxKindsAsync(id)).Should().OnlyContain(k => k == OutboxKinds.HandOver, "only the hand-over leaves the transaction, for the notifications");

        // The closed task's rows stay until their instants, and then nothing is sent for them; its deadline is never swept.
        (await RemindersAsync(first)).Should().HaveCount(2);
        app.Clock.Set(Local(2026, 12, 8, 17));
        await _rig.SweepRemindersAsync(app.Clock);
        await _rig.SweepDeadlinesAsync(app.Clock);
        (await RemindersAsync(first)).Should().BeEmpty("the sweep dropped the closed task's rows");
        (await TaskAsync(first.Id)).DeadlinePassedAt.Should().BeNull("a closed task is not the sweep's");
        await _rig.DispatchAllAsync();
        // The sweeps reminded the next member, whose task is open, and told them it is overdue; the closed task's
        // assignee hears nothing besides being told when their turn came.
        first.AssigneeUserId.Should().Be(app.UserId(DemoAccounts.SteeringStandingMember));
        var notes = await NotificationProbe.ForNominationAsync(app, id);
        notes.Where(n => n.RecipientUserId == first.AssigneeUserId).Select(n => n.Kind).Should().Equal(NotificationKinds.TaskAssigned);
        notes.Where(n => n.RecipientUserId == app.UserId(DemoAccounts.SteeringDeputyHead)).Select(n => n.Kind)
            .Should().Contain([NotificationKinds.TaskReminder, NotificationKinds.TaskOverdue]);
    }

    [Fact]
    public async Task Two_sweeps_at_once_take_different_tasks_and_pass_each_deadline_once()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
            ids.Add(await _steps.SubmittedCollectiveAsync());

        app.Clock.Set(Local(2026, 12, 8, 17));
        // Two nodes' sweeps at the same moment, in small batches: SKIP LOCKED gives each its own tasks.
        var sweeps = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var passed = 0;
            DueDeadlinesSent batch;
            do
            {
                batch = await _rig.SendAsSystem(new SendDueDeadlines(app.Clock.GetUtcNow(), BatchSize: 1));
                passed += batch.Passed;
            } while (batch.Taken == 1);
            return passed;
        })));
        sweeps.Sum().Should().BeGreaterThanOrEqualTo(ids.Count);
        await _rig.DispatchAllAsync();
        foreach (var id in ids)
            (await NotificationProbe.ForNominationAsync(app, id)).Count(n => n.Kind == NotificationKinds.TaskOverdue).Should().Be(1, "each deadline passed once");
    }

    private async Task AddOutboxAsync(params (string Kind, string Payload)[] messages)
    {
        await using var db = app.CreateDbContext();
        foreach (var (kind, payload) in messages)
            db.Outbox.Add(new Domain.Outbox.OutboxMessage(kind, payload, app.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_failing_message_counts_its_attempts_and_does_not_hold_up_the_rest()
    {
        await AddOutboxAsync(("wait.scheduled", """{"InstanceId":"00000000-0000-0000-0000-000000000001","NominationId":"00000000-0000-0000-0000-000000000001","EffectJson":"not json"}"""));
        var id = await _steps.SubmittedCollectiveAsync();
        await _rig.DispatchAllAsync();

        (await NotificationProbe.ForNominationAsync(app, id)).Should().Contain(n => n.Kind == NotificationKinds.TaskAssigned, "the message after it was applied");
        await using var check = app.CreateDbContext();
        var pending = await check.Outbox.AsNoTracking().Where(m => m.ProcessedAt == null).ToListAsync();
        pending.Should().ContainSingle(string.Join(" | ", pending.Select(p => p.Kind + " " + p.LastError)));
        var failed = pending[0];
        failed.Attempts.Should().Be(1);
        failed.LastError.Should().Contain("JsonException");
        await check.Database.ExecuteSqlRawAsync("DELETE FROM outbox_messages WHERE processed_at IS NULL");
    }

    [Fact]
    public async Task Tasks_reminded_at_the_same_instant_share_one_slot_trigger_and_one_sweep_reminds_them_all()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ids.Add(await _steps.SubmittedCollectiveAsync());

        var friday = Local(2026, 12, 4, 8);
        app.Clock.Set(Local(2026, 12, 4, 7, 58));
        await _rig.PlanSlotsAsync(app.Clock);
        var slot = Commendations.Scheduling.ScheduleKeys.ReminderSlot(friday);
        (await QuartzTables.CountAsync(app.ConnectionString,
            $"SELECT count(*) FROM qrtz_triggers WHERE trigger_group = '{slot.Group}' AND next_fire_time = {friday.UtcTicks}")).Should().Be(1);
        foreach (var id in ids)
            (await RemindersAsync(await OpenTaskAsync(id))).Should().Contain(friday);

        app.Clock.Set(friday);
        (await _rig.SendAsSystem(new SendDueReminders(friday))).Taken.Should().BeLessThan(SendDueReminders.DefaultBatchSize, "one batch took every due row");
        foreach (var id in ids)
            (await RemindersOfAsync(id)).Should().Be(1);
    }

    [Fact]
    public async Task A_sweep_works_in_batches_until_one_comes_back_short()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ids.Add(await _steps.SubmittedCollectiveAsync());

        app.Clock.Set(Local(2026, 12, 4, 8));
        var batches = new List<DueRemindersSent>();
        do
            batches.Add(await _rig.SendAsSystem(new SendDueReminders(app.Clock.GetUtcNow(), BatchSize: 2)));
        while (batches[^1].Taken == 2);

        batches.Count.Should().BeGreaterThanOrEqualTo(2);
        foreach (var id in ids)
            (await RemindersOfAsync(id)).Should().Be(1);
        (await QuartzTables.CountAsync(app.ConnectionString, $"SELECT count(*) FROM task_reminders WHERE remind_at <= '{app.Clock.GetUtcNow():O}'")).Should().Be(0);
    }

    [Fact]
    public async Task A_reminder_whose_instant_passed_while_no_node_ran_is_delivered_by_the_catch_up_sweep()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        app.Clock.Set(Local(2026, 12, 4, 10)); // no node ran over Friday's 08:00 reminder

        (await _rig.PlanSlotsAsync(app.Clock)).Should().Be(0, "the planner looks ahead, never back");
        var task = await OpenTaskAsync(id);
        await _rig.SweepRemindersAsync(app.Clock);
        (await RemindersOfAsync(id)).Should().Be(1);
        (await RemindersAsync(task)).Should().Equal([Local(2026, 12, 8, 8)]);
    }

    [Fact]
    public async Task Units_with_drafts_are_reminded_3_and_1_working_days_before_the_window_closes_and_the_secretary_gets_a_summary()
    {
        await _steps.DraftCollectiveAsync(name: "Hội Phụ nữ xã Tân Hòa");
        var officer = app.UserId(DemoAccounts.OfficerTanHoa);
        async Task<List<Notification>> CampaignNotesAsync(Guid user)
        {
            await using var db = app.CreateDbContext();
            return await db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == user && n.Kind.StartsWith("campaign-")).ToListAsync();
        }

        // PT-2026-QCDC closes Thursday 10/12/2026: 3 working days before is Monday 07/12, 1 is Wednesday 09/12.
        app.Clock.Set(Local(2026, 12, 5, 8)); // Saturday: no check on a day off
        (await _rig.SendAsSystem(new CheckCampaignDeadlines())).Should().Be(0);
        app.Clock.Set(Local(2026, 12, 7, 8));
        await _rig.SendAsSystem(new CheckCampaignDeadlines());
        await _rig.SendAsSystem(new CheckCampaignDeadlines());
        app.Clock.Set(Local(2026, 12, 8, 8));
        await _rig.SendAsSystem(new CheckCampaignDeadlines());
        app.Clock.Set(Local(2026, 12, 9, 8));
        await _rig.SendAsSystem(new CheckCampaignDeadlines());

        var reminders = (await CampaignNotesAsync(officer)).Where(n => n.Title.Contains("Quy chế dân chủ")).ToList();
        reminders.Should().HaveCount(2, "once on Monday 07/12 (even though the check ran twice) and once on Wednesday 09/12");
        reminders.Select(n => n.Body).Should().Contain(b => b.Contains("Còn 3 ngày làm việc")).And.Contain(b => b.Contains("Còn 1 ngày làm việc"));

        app.Clock.Set(Local(2026, 12, 11, 8));
        await _rig.SendAsSystem(new CheckCampaignDeadlines());
        await _rig.SendAsSystem(new CheckCampaignDeadlines());
        var summary = (await CampaignNotesAsync(app.UserId(DemoAccounts.SteeringStandingMember)))
            .Where(n => n.Kind == NotificationKinds.CampaignSummary).ToList();
        summary.Should().ContainSingle();
        summary[0].Body.Should().Contain("hồ sơ chưa trình").And.Contain("10/12/2026");
    }

    [Fact]
    public async Task A_reminder_is_mailed_in_Vietnamese_through_SMTP_after_it_is_committed()
    {
        await using var smtp = new SmtpTestServer();
        await using var rig = SchedulerRig.Create(app.ConnectionString, app.Clock, smtp.Port);
        var id = await _steps.SubmittedCollectiveAsync();

        app.Clock.Set(Local(2026, 12, 4, 8));
        await rig.SweepRemindersAsync(app.Clock);
        (await RemindersOfAsync(id)).Should().Be(1);
        (await NotificationProbe.ForNominationAsync(app, id)).Single(n => n.Kind == NotificationKinds.TaskReminder).EmailSentAt.Should().BeNull("mail goes out after the commit, by the email sender");
        (await rig.SendMailAsync()).Should().BeGreaterThanOrEqualTo(1);
        (await rig.SendMailAsync()).Should().Be(0, "a sent mail is not sent again");

        var mail = await smtp.WaitForMailAsync(m => m.Subject.StartsWith("Nhắc hạn"), TimeSpan.FromSeconds(10));
        mail.To.Should().Equal(DemoAccounts.SteeringStandingMember.UserName + "@lamgiang.example");
        mail.Subject.Should().Be("Nhắc hạn xử lý hồ sơ: UBND xã Tân Hòa");
        mail.Body.Should().Contain("đang chờ Đồng chí xử lý ở bước \"Ban Chỉ đạo xem xét\"").And.Contain("Hạn xử lý: 17:00 ngày 08/12/2026");
        (await NotificationProbe.ForNominationAsync(app, id)).Single(n => n.Kind == NotificationKinds.TaskReminder).EmailSentAt.Should().NotBeNull();
    }
}
