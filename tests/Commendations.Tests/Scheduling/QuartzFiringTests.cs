using Commendations.Domain.Notifications;
using Commendations.Domain.Workflows;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Scheduling;

/// <summary>Shared steps of the real-firing tests: Quartz started, clustered, on the test database, on a shifted real clock.</summary>
public abstract class QuartzFiringTest(LifecycleHarness app)
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    protected readonly LifecycleHarness App = app;
    protected readonly NominationSteps Steps = new(app);
    protected readonly ShiftedClock Clock = new(TestClock.At(2026, 12, 1));
    protected readonly JobRunCounter Counter = new();

    protected static DateTimeOffset Local(int y, int m, int d, int h) => new(y, m, d, h, 0, 0, TestClock.Vietnam);

    /// <summary>
    /// Puts the shared clock just before <paramref name="at"/>, so the slot planner (every second here) gives the instant its
    /// trigger and Quartz fires it for real a moment later.
    /// </summary>
    protected void JustBefore(DateTimeOffset at) => Clock.JumpTo(at.AddSeconds(-10));

    protected Task<QuartzNode> StartNodeAsync(int? smtpPort = null, Action<Quartz.IQuartzBuilder>? configure = null) =>
        QuartzNode.StartAsync(App.ConnectionString, Clock, Counter, smtpPort, configure);

    protected async Task<WorkflowTask> OpenTaskAsync(Guid nominationId)
    {
        await using var db = App.CreateDbContext();
        return await db.Tasks.AsNoTracking().SingleAsync(t => t.NominationId == nominationId && t.Status == WorkflowTaskStatus.Open);
    }

    protected Task<List<DateTimeOffset>> RemindersAsync(WorkflowTask task) =>
        QuartzTables.ReminderTimesAsync(App.ConnectionString, task.InstanceId, task.TaskKey);

    protected Task<DateTimeOffset?> SlotAsync(DateTimeOffset at) => QuartzTables.SlotAsync(App.ConnectionString, at);

    /// <summary>The task's schedule, committed with the transition that opened it: its due time and its two reminder rows.</summary>
    protected async Task<(DateTimeOffset Due, List<DateTimeOffset> Reminders)> ScheduledAsync(WorkflowTask task)
    {
        var reminders = await RemindersAsync(task);
        reminders.Should().HaveCount(2);
        (await QuartzTables.InstanceTriggersAsync(App.ConnectionString, task.InstanceId)).Should().Be(0, "Quartz holds nothing per task");
        return (task.DueAt, reminders);
    }

    protected static string SlotName(DateTimeOffset at) => Commendations.Scheduling.ScheduleKeys.ReminderSlot(at).Name;

    protected static string DeadlineSlotName(DateTimeOffset at) => Commendations.Scheduling.ScheduleKeys.DeadlineSlot(at).Name;

    protected async Task<int> CountAsync(Guid nominationId, string kind) =>
        (await NotificationProbe.ForNominationAsync(App, nominationId)).Count(n => n.Kind == kind);

    protected Task<int> EventuallyCountAsync(Guid nominationId, string kind, int expected) =>
        Eventually.UntilAsync(() => CountAsync(nominationId, kind), n => n >= expected, Patience, $"{expected} × {kind}");

    protected Task<long> PendingOutboxAsync() => QuartzTables.CountAsync(App.ConnectionString, "SELECT count(*) FROM outbox_messages WHERE processed_at IS NULL");
}

public class ClusteredFiringTests(LifecycleHarness app) : QuartzFiringTest(app), IClassFixture<LifecycleHarness>
{
    [Fact]
    public async Task Two_nodes_on_one_database_fire_each_reminder_and_the_escalation_once_and_mail_each_once()
    {
        await using var smtp = new SmtpTestServer();
        await using var a = await StartNodeAsync(smtp.Port);
        await using var b = await StartNodeAsync(smtp.Port);
        var id = await Steps.SubmittedCollectiveAsync();
        var task = await OpenTaskAsync(id);
        var (due, reminders) = await ScheduledAsync(task);

        JustBefore(reminders[0]); // Friday 04/12 08:00
        await EventuallyCountAsync(id, NotificationKinds.TaskReminder, 1);
        JustBefore(reminders[1]); // Tuesday 08/12 08:00
        await EventuallyCountAsync(id, NotificationKinds.TaskReminder, 2);
        JustBefore(due);          // Tuesday 08/12 17:00: overdue, escalated to the committee chair
        await EventuallyCountAsync(id, NotificationKinds.TaskEscalated, 1);
        await Eventually.UntilAsync(() => Task.FromResult(smtp.Mails.Count), n => n >= 5, Patience, "five mails");
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for a duplicate to show up, if there were one

        // One trigger per instant, each fired once in the cluster (planned by one node, fired by one).
        Counter.Runs.Where(r => r.Key == SlotName(reminders[0]) || r.Key == SlotName(reminders[1]) || r.Key == DeadlineSlotName(due))
            .Should().BeEquivalentTo(new Dictionary<string, int> { [SlotName(reminders[0])] = 1, [SlotName(reminders[1])] = 1, [DeadlineSlotName(due)] = 1 });
        var notes = await NotificationProbe.ForNominationAsync(App, id);
        notes.Select(n => n.Kind).Should().BeEquivalentTo(
            NotificationKinds.TaskAssigned, NotificationKinds.TaskReminder, NotificationKinds.TaskReminder, NotificationKinds.TaskOverdue, NotificationKinds.TaskEscalated);
        smtp.Mails.Should().HaveCount(5, "the member's turn, two reminders, the overdue notice and the escalation, each mailed once");
        smtp.Mails.Select(m => m.Subject).Should().Contain("Hồ sơ quá hạn cần chỉ đạo: UBND xã Tân Hòa");
        (await QuartzTables.SlotAsync(App.ConnectionString, Commendations.Scheduling.ScheduleKeys.DeadlineSlot(due))).Should().BeNull("one-shot triggers are gone once fired");
        (await SlotAsync(reminders[0])).Should().BeNull();
        (await SlotAsync(reminders[1])).Should().BeNull();
        (await RemindersAsync(task)).Should().BeEmpty("a sent reminder's row is deleted");
        await using (var db = App.CreateDbContext())
            (await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id)).DeadlinePassedAt.Should().NotBeNull("the deadline sweep took the task once");
        var schedulers = (await a.SchedulerAsync(), await b.SchedulerAsync());
        schedulers.Item1.SchedulerInstanceId.Should().NotBe(schedulers.Item2.SchedulerInstanceId);
        (await QuartzTables.CountAsync(App.ConnectionString, "SELECT count(*) FROM qrtz_scheduler_state")).Should().Be(2);
    }
}

public class OutboxRecoveryTests(LifecycleHarness app) : QuartzFiringTest(app), IClassFixture<LifecycleHarness>
{
    [Fact]
    public async Task A_commit_made_while_no_node_runs_is_swept_and_notified_when_a_node_starts()
    {
        // No scheduler is running: the state change commits with its schedule rows and its hand-over in the outbox.
        var id = await Steps.SubmittedCollectiveAsync();
        var task = await OpenTaskAsync(id);
        (await PendingOutboxAsync()).Should().BeGreaterThan(0);
        var (_, reminders) = await ScheduledAsync(task);

        await using var node = await StartNodeAsync();
        await Eventually.UntilAsync(PendingOutboxAsync, n => n == 0, Patience, "the outbox to be applied");
        await EventuallyCountAsync(id, NotificationKinds.TaskAssigned, 1);

        JustBefore(reminders[0]);
        await EventuallyCountAsync(id, NotificationKinds.TaskReminder, 1);
        (await NotificationProbe.ForNominationAsync(App, id)).Single(n => n.Kind == NotificationKinds.TaskReminder).RecipientUserId.Should().Be(App.UserId(DemoAccounts.SteeringStandingMember));
    }
}

public class RestartTests(LifecycleHarness app) : QuartzFiringTest(app), IClassFixture<LifecycleHarness>
{
    [Fact]
    public async Task Restarting_the_node_neither_deletes_nor_duplicates_nor_refires_triggers()
    {
        var first = await StartNodeAsync();
        var id = await Steps.SubmittedCollectiveAsync();
        var task = await OpenTaskAsync(id);
        var (due, reminders) = await ScheduledAsync(task);
        JustBefore(reminders[0]);
        await EventuallyCountAsync(id, NotificationKinds.TaskReminder, 1);
        // The notification is written by the sweep; Quartz removes the fired slot trigger just after: wait for that.
        await Eventually.UntilAsync(() => SlotAsync(reminders[0]), t => t is null, Patience, "the fired reminder slot removed");
        await Eventually.UntilAsync(() => QuartzTables.CountAsync(App.ConnectionString, "SELECT count(*) FROM qrtz_triggers WHERE next_fire_time IS NULL"),
            c => c == 0, Patience, "no trigger in flight");
        var before = await RemindersAsync(task);
        var total = await QuartzTables.CountAsync(App.ConnectionString, "SELECT count(*) FROM qrtz_triggers");
        await first.DisposeAsync();

        await using var second = await StartNodeAsync();
        await Task.Delay(TimeSpan.FromSeconds(4));
        (await RemindersAsync(task)).Should().Equal(before);
        before.Should().Equal([reminders[1]]);
        (await QuartzTables.CountAsync(App.ConnectionString, "SELECT count(*) FROM qrtz_triggers")).Should().Be(total);
        (await CountAsync(id, NotificationKinds.TaskReminder)).Should().Be(1, "the reminder that fired before the restart does not fire again");

        JustBefore(reminders[1]);
        await EventuallyCountAsync(id, NotificationKinds.TaskReminder, 2);
        // The catch-up sweep may deliver it first; the slot (blocked while a sweep runs) still fires, once.
        await Eventually.UntilAsync(() => Task.FromResult(Counter.Runs.ContainsKey(SlotName(reminders[1]))), ran => ran, Patience, "the second slot to fire");
        await Task.Delay(TimeSpan.FromSeconds(2));
        (await CountAsync(id, NotificationKinds.TaskReminder)).Should().Be(2);
        Counter.Runs[SlotName(reminders[0])].Should().Be(1);
        Counter.Runs[SlotName(reminders[1])].Should().Be(1);
        due.Should().BeAfter(reminders[1]);
    }
}

public class ReminderCatchUpTests(LifecycleHarness app) : QuartzFiringTest(app), IClassFixture<LifecycleHarness>
{
    [Fact]
    public async Task A_reminder_already_due_when_a_node_starts_is_delivered_once_by_the_catch_up_sweep()
    {
        // Committed while no node ran; the cluster comes back after Friday's 08:00 reminder. The planner looks ahead only,
        // so the catch-up sweep (every 3 s here, every minute by default) delivers it.
        var id = await Steps.SubmittedCollectiveAsync();
        var task = await OpenTaskAsync(id);
        Clock.JumpTo(Local(2026, 12, 4, 9));

        await using var node = await StartNodeAsync();
        await Eventually.UntilAsync(PendingOutboxAsync, n => n == 0, Patience, "the outbox to be applied");
        await EventuallyCountAsync(id, NotificationKinds.TaskReminder, 1);
        await Task.Delay(TimeSpan.FromSeconds(4)); // a few catch-up sweeps: room for a duplicate to show up, if there were one

        (await CountAsync(id, NotificationKinds.TaskReminder)).Should().Be(1);
        (await RemindersAsync(task)).Should().Equal([Local(2026, 12, 8, 8)], "the sent reminder's row is gone, the next one waits");
        Counter.Runs.Should().ContainKey(Commendations.Scheduling.ScheduleKeys.RemindersCatchUpTrigger.Name);
    }
}
