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
/// What the dispatcher stores for a task — its reminder rows (task_reminders), the reminder slot triggers and its due
/// trigger in Quartz's real job store, read back from the tables — and what the job commands do when they run, on a
/// fake clock (Quartz in standby: nothing fires by itself here). The tests of a class share one database, so sweeps
/// are judged by each test's own nominations.
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

    private static DateTimeOffset Local(int y, int m, int d, int h) => new(y, m, d, h, 0, 0, TestClock.Vietnam);

    private async Task<WorkflowTask> OpenTaskAsync(Guid nominationId)
    {
        await using var db = app.CreateDbContext();
        return await db.Tasks.AsNoTracking().SingleAsync(t => t.NominationId == nominationId && t.Status == WorkflowTaskStatus.Open);
    }

    private Task<List<DateTimeOffset>> RemindersAsync(WorkflowTask task) => QuartzTables.ReminderTimesAsync(app.ConnectionString, task.InstanceId, task.TaskKey);

    private Task<DateTimeOffset?> SlotAsync(DateTimeOffset at) => QuartzTables.SlotAsync(app.ConnectionString, at);

    private async Task<int> RemindersOfAsync(Guid nominationId) =>
        (await NotificationProbe.ForNominationAsync(app, nominationId)).Count(n => n.Kind == NotificationKinds.TaskReminder);

    [Fact]
    public async Task A_review_task_opened_on_Tuesday_has_its_reminders_and_deadline_on_working_days_across_the_weekend()
    {
        var id = await _steps.SubmittedCollectiveAsync(); // Tuesday 01/12/2026 09:00
        await _rig.DispatchAllAsync();

        var task = await OpenTaskAsync(id);
        task.StepKey.Should().Be("committee-review");
        // 5 working days: Wed 2, Thu 3, Fri 4, (weekend), Mon 7, Tue 8 → due Tue 08/12 17:00; reminders 2 working days
        // before (Fri 04/12, across the weekend) and on the due day, at 08:00.
        (await RemindersAsync(task)).Should().Equal(Local(2026, 12, 4, 8), Local(2026, 12, 8, 8));
        (await SlotAsync(Local(2026, 12, 4, 8))).Should().Be(Local(2026, 12, 4, 8));
        (await SlotAsync(Local(2026, 12, 8, 8))).Should().Be(Local(2026, 12, 8, 8));
        (await QuartzTables.TaskTriggersAsync(app.ConnectionString, task.InstanceId, task.TaskKey)).Should().BeEquivalentTo(
            new Dictionary<string, DateTimeOffset> { ["due"] = Local(2026, 12, 8, 17) }, "the task's own job keeps only its due trigger");
        var scheduler = await _rig.SchedulerAsync();
        var due = await scheduler.GetTrigger(Commendations.Scheduling.ScheduleKeys.Due(task.InstanceId, task.TaskKey));
        due!.NextFireTimeUtc.Should().Be(Local(2026, 12, 8, 17));
    }

    [Fact]
    public async Task Across_Tet_the_next_members_reminders_and_escalation_skip_the_holiday_and_each_fires_once()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        app.Clock.Set(Local(2027, 2, 1, 9)); // Monday 01/02/2027; Tết off from Thursday 04/02 to Wednesday 10/02
        await _steps.ActAsync(DemoAccounts.SteeringStandingMember, id, "approve");
        await _rig.DispatchAllAsync();

        var task = await OpenTaskAsync(id);
        task.AssigneeUserId.Should().Be(app.UserId(DemoAccounts.SteeringDeputyHead));
        // Working days: Tue 2, Wed 3, (Tết 4–10), Thu 11, Fri 12, Mon 15 → due Mon 15/02 17:00; 2 working days before it is Thu 11/02.
        (await RemindersAsync(task)).Should().Equal(Local(2027, 2, 11, 8), Local(2027, 2, 15, 8));
        (await SlotAsync(Local(2027, 2, 11, 8))).Should().NotBeNull();
        (await QuartzTables.TaskTriggersAsync(app.ConnectionString, task.InstanceId, task.TaskKey)).Keys.Should().Equal("due");

        app.Clock.Set(Local(2027, 2, 11, 8));
        await _rig.SweepRemindersAsync(app.Clock);
        (await RemindersOfAsync(id)).Should().Be(1);
        await _rig.SweepRemindersAsync(app.Clock);
        (await RemindersAsync(task)).Should().Equal([Local(2027, 2, 15, 8)], "a sent reminder's row is gone, the next one waits");
        // The outbox applied again (a crash before it was marked processed) puts the sent reminder's row back: still once.
        await using (var db = app.CreateDbContext())
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE outbox_messages SET processed_at = NULL WHERE payload->>'NominationId' = {id.ToString()}");
        await _rig.DispatchAllAsync();
        (await RemindersAsync(task)).Should().HaveCount(2);
        await _rig.SweepRemindersAsync(app.Clock);
        (await RemindersOfAsync(id)).Should().Be(1, "a reminder swept twice is delivered once");

        app.Clock.Set(Local(2027, 2, 15, 17));
        (await _rig.SendAsSystem(new PassDeadline(task.InstanceId, task.TaskKey, task.DueAt))).Should().BeTrue();
        (await _rig.SendAsSystem(new PassDeadline(task.InstanceId, task.TaskKey, task.DueAt))).Should().BeFalse("the deadline was already handled");
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
    public async Task Closing_the_task_cancels_its_triggers_and_a_late_job_for_it_does_nothing()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        await _rig.DispatchAllAsync();
        var first = await OpenTaskAsync(id);
        (await QuartzTables.TaskTriggersAsync(app.ConnectionString, first.InstanceId, first.TaskKey)).Should().HaveCount(1);
        (await RemindersAsync(first)).Should().HaveCount(2);

        await _steps.ActAsync(DemoAccounts.SteeringStandingMember, id, "approve");
        await _rig.DispatchAllAsync();

        (await QuartzTables.TaskTriggersAsync(app.ConnectionString, first.InstanceId, first.TaskKey)).Should().BeEmpty();
        (await RemindersAsync(first)).Should().BeEmpty("cancelling the deadline deletes the task's reminder rows");
        (await QuartzTables.CountAsync(app.ConnectionString,
            $"SELECT count(*) FROM qrtz_triggers WHERE job_name LIKE '{first.InstanceId:N}/unit-proposal%'")).Should().Be(0, "the draft's task closed at submission");
        // A row left behind anyway (say, the cancel was applied before a retried schedule) is dropped by the sweep, unsent.
        await using (var db = app.CreateDbContext())
        {
            db.TaskReminders.Add(new TaskReminder(first.InstanceId, first.TaskKey, id, Local(2026, 12, 4, 8), first.DueAt));
            await db.SaveChangesAsync();
        }
        app.Clock.Set(Local(2026, 12, 8, 17));
        await _rig.SweepRemindersAsync(app.Clock);
        (await RemindersAsync(first)).Should().BeEmpty();
        (await _rig.SendAsSystem(new PassDeadline(first.InstanceId, first.TaskKey, first.DueAt))).Should().BeFalse();
        await _rig.DispatchAllAsync();
        // The sweep did remind the next member, whose task is open; the closed task's assignee hears nothing (besides
        // each member being told when their turn came).
        (await NotificationProbe.ForNominationAsync(app, id)).Where(n => n.Kind != NotificationKinds.TaskAssigned).Should().OnlyContain(n =>
            n.RecipientUserId == app.UserId(DemoAccounts.SteeringDeputyHead) && n.Kind == NotificationKinds.TaskReminder);
        first.AssigneeUserId.Should().Be(app.UserId(DemoAccounts.SteeringStandingMember));
    }

    [Fact]
    public async Task Applying_the_outbox_again_replaces_triggers_rather_than_adding_any()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        await _rig.DispatchAllAsync();
        var task = await OpenTaskAsync(id);
        var before = await QuartzTables.TaskTriggersAsync(app.ConnectionString, task.InstanceId, task.TaskKey);
        var reminders = await RemindersAsync(task);
        var total = await QuartzTables.CountAsync(app.ConnectionString, "SELECT count(*) FROM qrtz_triggers");
        var rows = await QuartzTables.CountAsync(app.ConnectionString, "SELECT count(*) FROM task_reminders");

        await using (var db = app.CreateDbContext())
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE outbox_messages SET processed_at = NULL WHERE payload->>'NominationId' = {id.ToString()}");
        await _rig.DispatchAllAsync();

        (await QuartzTables.TaskTriggersAsync(app.ConnectionString, task.InstanceId, task.TaskKey)).Should().BeEquivalentTo(before);
        (await RemindersAsync(task)).Should().Equal(reminders);
        (await QuartzTables.CountAsync(app.ConnectionString, "SELECT count(*) FROM qrtz_triggers")).Should().Be(total);
        (await QuartzTables.CountAsync(app.ConnectionString, "SELECT count(*) FROM task_reminders")).Should().Be(rows);
    }

    [Fact]
    public async Task Within_one_batch_the_later_message_about_a_task_decides_what_is_left_in_Quartz()
    {
        // The dispatcher writes a batch's Quartz changes together at the end; they must leave what applying the messages
        // one by one would: cancel-then-schedule keeps the task's deadline, schedule-then-cancel removes it.
        var id = await _steps.SubmittedCollectiveAsync();
        await _rig.DispatchAllAsync();
        var task = await OpenTaskAsync(id);
        var scheduled = await ScheduledMessagePayloadAsync(task);
        var cancelled = JsonSerializer.Serialize(new WorkflowOutboxPayload(task.InstanceId, id,
            JsonSerializer.Serialize<WorkflowEffect>(new DeadlineCancelled(task.TaskKey), WorkflowJson.Options)));

        await AddOutboxAsync((OutboxKinds.DeadlineCancelled, cancelled), (OutboxKinds.DeadlineScheduled, scheduled));
        await _rig.DispatchAllAsync();
        (await QuartzTables.TaskTriggersAsync(app.ConnectionString, task.InstanceId, task.TaskKey)).Keys.Should().Equal("due");
        (await RemindersAsync(task)).Should().HaveCount(2);

        await AddOutboxAsync((OutboxKinds.DeadlineScheduled, scheduled), (OutboxKinds.DeadlineCancelled, cancelled));
        await _rig.DispatchAllAsync();
        (await QuartzTables.TaskTriggersAsync(app.ConnectionString, task.InstanceId, task.TaskKey)).Should().BeEmpty();
        (await RemindersAsync(task)).Should().BeEmpty();
    }

    private async Task<string> ScheduledMessagePayloadAsync(WorkflowTask task)
    {
        await using var db = app.CreateDbContext();
        var payloads = await db.Outbox.AsNoTracking().Where(m => m.Kind == OutboxKinds.DeadlineScheduled).Select(m => m.Payload).ToListAsync();
        return payloads.Single(p => p.Contains(task.InstanceId.ToString()) && p.Contains(task.TaskKey));
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
        await using (var db = app.CreateDbContext())
        {
            db.Outbox.Add(new Domain.Outbox.OutboxMessage("deadline.scheduled", """{"InstanceId":"00000000-0000-0000-0000-000000000001","NominationId":"00000000-0000-0000-0000-000000000001","EffectJson":"not json"}""", app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        var id = await _steps.SubmittedCollectiveAsync();
        await _rig.DispatchAllAsync();

        var task = await OpenTaskAsync(id);
        (await QuartzTables.TaskTriggersAsync(app.ConnectionString, task.InstanceId, task.TaskKey)).Should().HaveCount(1);
        (await RemindersAsync(task)).Should().HaveCount(2);
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
        await _rig.DispatchAllAsync();

        var friday = Local(2026, 12, 4, 8);
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
        await _rig.DispatchAllAsync();

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
    public async Task A_reminder_whose_instant_has_passed_when_the_outbox_is_applied_is_still_delivered()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        app.Clock.Set(Local(2026, 12, 4, 10)); // the dispatcher was down over Friday's 08:00 reminder
        await _rig.DispatchAllAsync();

        var task = await OpenTaskAsync(id);
        (await RemindersAsync(task)).Should().Equal(Local(2026, 12, 4, 8), Local(2026, 12, 8, 8));
        (await SlotAsync(Local(2026, 12, 4, 8))).Should().Be(Local(2026, 12, 4, 8), "a slot already past fires as soon as a node sees it");
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
        await rig.DispatchAllAsync();

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
