using System.Globalization;
using System.Text.Json;
using Commendations.Domain.Notifications;
using Commendations.Domain.Outbox;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Commendations.Scheduling;

/// <summary>
/// Applies one outbox message. Every operation is idempotent: triggers have deterministic keys and are stored with
/// replace; reminder rows are inserted ON CONFLICT DO NOTHING; cancelling deletes the task's job (and so its due
/// trigger) and its reminder rows; notifications carry the message id in their dedupe key, or (hand-overs,
/// <see cref="HandOverNotifier"/>) the event they tell. A message applied twice
/// (crash before it was marked processed) leaves the same state as once.
/// </summary>
public sealed class OutboxApplier(CommendationsDbContext db, Notifier notifier, DefinitionCache definitions, HandOverNotifier handOvers, TimeProvider clock)
{
    /// <summary>
    /// The engine's options omit null properties when writing (an effect without escalation has no <c>escalateAt</c>),
    /// so reading back must not insist on every constructor parameter.
    /// </summary>
    private static readonly JsonSerializerOptions EffectOptions = new(WorkflowJson.Options) { RespectRequiredConstructorParameters = false };

    /// <summary>
    /// Applies <paramref name="message"/>'s database side now and records its Quartz side in <paramref name="changes"/>,
    /// which the dispatcher writes for the whole batch (<paramref name="scheduler"/> is only read here).
    /// </summary>
    public async Task ApplyAsync(IScheduler scheduler, QuartzChanges changes, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Kind == OutboxKinds.HandOver)
        {
            await handOvers.NotifyAsync(JsonSerializer.Deserialize<HandOver>(message.Payload, EffectOptions)
                                        ?? throw new JsonException($"Outbox message {message.Id} has no hand-over."), cancellationToken);
            return;
        }
        if (message.Kind == OutboxKinds.JobRetry)
        {
            await ScheduleRetryAsync(changes, JsonSerializer.Deserialize<Guid>(message.Payload), cancellationToken);
            return;
        }
        var payload = JsonSerializer.Deserialize<WorkflowOutboxPayload>(message.Payload)
                      ?? throw new JsonException($"Outbox message {message.Id} has no payload.");
        var effect = JsonSerializer.Deserialize<WorkflowEffect>(payload.EffectJson, EffectOptions);
        switch (effect)
        {
            case DeadlineScheduled scheduled:
                await ScheduleDeadlineAsync(scheduler, changes, payload, scheduled, cancellationToken);
                break;
            case DeadlineCancelled cancelled:
                changes.Delete(ScheduleKeys.TaskJob(payload.InstanceId, cancelled.TaskId));
                await DeleteRemindersAsync(payload.InstanceId, cancelled.TaskId, null, cancellationToken);
                break;
            case WaitScheduled wait:
                ScheduleWait(changes, payload, wait);
                break;
            case NotificationRequested requested:
                await NotifyAsync(message.Id, payload, requested, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Outbox message {message.Id} of kind '{message.Kind}' carries no effect the dispatcher applies.");
        }
    }

    /// <summary>
    /// A failed job runs again at once: the same job type and data under a job key of its own (a durable job's other
    /// triggers, e.g. the reminder slots, are left alone), fired once.
    /// </summary>
    private async Task ScheduleRetryAsync(QuartzChanges changes, Guid failureId, CancellationToken cancellationToken)
    {
        var failure = await db.JobFailures.AsNoTracking().SingleAsync(f => f.Id == failureId, cancellationToken);
        var data = JsonSerializer.Deserialize<Dictionary<string, string?>>(failure.Data) ?? [];
        var key = new JobKey($"retry-{failure.Id:N}", ScheduleKeys.RetryGroup);
        var map = new JobDataMap();
        foreach (var (name, value) in data)
        {
            if (value is not null)
                map[name] = value;
        }
        // The builder takes the job's type only as a generic argument: made here from the type the failure stored.
        var create = typeof(JobBuilder).GetMethod(nameof(JobBuilder.Create), 1, Type.EmptyTypes)!.MakeGenericMethod(new JobType(failure.JobType).Type);
        dynamic builder = create.Invoke(null, null)!;
        IJobDetail job = builder.WithIdentity(key).UsingJobData(map).Build();
        changes.Schedule(job, [TriggerBuilder.Create().ForJob(key).WithIdentity(key.Name, ScheduleKeys.RetryGroup).StartAt(clock.GetUtcNow()).Build()]);
    }

    /// <summary>
    /// The task's reminders become rows (<see cref="TaskReminder"/>) and each distinct instant gets one slot trigger
    /// shared by every task reminded then; the task's own job keeps only its due trigger (<see cref="PassDeadline"/>).
    /// </summary>
    private async Task ScheduleDeadlineAsync(IScheduler scheduler, QuartzChanges changes, WorkflowOutboxPayload payload, DeadlineScheduled effect,
        CancellationToken cancellationToken)
    {
        var jobKey = ScheduleKeys.TaskJob(payload.InstanceId, effect.TaskId);
        var task = await db.Tasks.AsNoTracking()
            .SingleOrDefaultAsync(t => t.InstanceId == payload.InstanceId && t.TaskKey == effect.TaskId, cancellationToken);
        if (task is null || task.Status != WorkflowTaskStatus.Open)
        {
            // Applied late (e.g. after a retry): the task closed since; leave nothing behind for it.
            changes.Delete(jobKey);
            await DeleteRemindersAsync(payload.InstanceId, effect.TaskId, null, cancellationToken);
            return;
        }
        var remindAt = effect.ReminderTimes.Select(t => t.ToUniversalTime()).Distinct().ToArray();
        if (task.DueAt != effect.DueAt || !task.ReminderTimes.Select(t => t.ToUniversalTime()).ToHashSet().SetEquals(remindAt))
        {
            // The task's times were computed again since (the working calendar changed): the message that did so carries
            // its schedule, before or after this one; this one must not undo it.
            return;
        }
        // The message replaces the task's schedule: rows of another due time, or not among its instants, go.
        await ReplaceRowsAsync(payload.InstanceId, effect, remindAt, cancellationToken);
        await EscalationRows.ScheduleAsync(db, scheduler, changes, payload, effect, cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO task_reminders (instance_id, task_key, nomination_id, remind_at, due_at)
            SELECT {payload.InstanceId}, {effect.TaskId}, {payload.NominationId}, r, {effect.DueAt.ToUniversalTime()} FROM unnest({remindAt}) AS r
            ON CONFLICT DO NOTHING
            """, cancellationToken);

        var job = JobBuilder.Create<TaskTimerJob>().WithIdentity(jobKey)
            .UsingJobData(ScheduleKeys.Data.InstanceId, payload.InstanceId.ToString())
            .UsingJobData(ScheduleKeys.Data.NominationId, payload.NominationId.ToString())
            .UsingJobData(ScheduleKeys.Data.TaskKey, effect.TaskId)
            .UsingJobData(ScheduleKeys.Data.DueAt, Iso(effect.DueAt))
            .Build();
        changes.Schedule(job, [OneShot(jobKey, ScheduleKeys.Due(payload.InstanceId, effect.TaskId), ScheduleKeys.KindDue, effect.DueAt)]);
        // Most instants already have their slot (the engine reminds at 08:00 of working days): checking is a read without
        // Quartz's cluster lock, so only the first task of an instant writes its trigger. A slot whose instant has passed
        // fires as soon as it is written; its sweep may run before this dispatcher transaction commits the rows above —
        // the catch-up trigger then delivers them within a minute.
        foreach (var at in remindAt)
        {
            var slot = ScheduleKeys.ReminderSlot(at);
            if (changes.KnowsSlot(slot))
                continue;
            if (await scheduler.Exists(slot, cancellationToken))
                changes.SlotIsStored(slot);
            else
                changes.AddSlot(ReminderSlot(at));
        }
    }

    /// <summary>Fires once at <paramref name="at"/>; if the cluster was down then, it fires once as soon as a node is up.</summary>
    private static ITrigger ReminderSlot(DateTimeOffset at) =>
        TriggerBuilder.Create().WithIdentity(ScheduleKeys.ReminderSlot(at)).ForJob(ScheduleKeys.ReminderSlotJob)
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();

    /// <summary>
    /// Before a schedule is stored: the task's reminder and escalation-level rows that it does not have — computed for another
    /// due time, or at an instant it no longer has (the calendar changed). One statement for both tables.
    /// </summary>
    private Task<int> ReplaceRowsAsync(Guid instanceId, DeadlineScheduled effect, DateTimeOffset[] remindAt, CancellationToken cancellationToken)
    {
        var due = effect.DueAt.ToUniversalTime();
        var levels = EscalationRows.Levels(effect);
        var levelIndexes = levels.Select(l => l.Level).ToArray();
        var instants = levels.Select(l => l.At.ToUniversalTime()).ToArray();
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            WITH levels AS (
                DELETE FROM task_escalations e WHERE e.instance_id = {instanceId} AND e.task_key = {effect.TaskId}
                  AND (e.due_at <> {due} OR NOT EXISTS (
                      SELECT 1 FROM unnest({levelIndexes}, {instants}) AS l(level, at) WHERE l.level = e.level AND l.at = e.escalate_at)))
            DELETE FROM task_reminders WHERE instance_id = {instanceId} AND task_key = {effect.TaskId}
              AND (due_at <> {due} OR NOT (remind_at = ANY({remindAt})))
            """, cancellationToken);
    }

    /// <summary>
    /// The task's reminder and escalation-level rows — all of them, or (<paramref name="keepDueAt"/>) those computed for
    /// another due time. One statement for both tables (a data-modifying CTE): one round trip, as before escalation levels.
    /// </summary>
    private Task<int> DeleteRemindersAsync(Guid instanceId, string taskKey, DateTimeOffset? keepDueAt, CancellationToken cancellationToken) =>
        keepDueAt is { } due
            ? db.Database.ExecuteSqlInterpolatedAsync($"""
                WITH levels AS (DELETE FROM task_escalations WHERE instance_id = {instanceId} AND task_key = {taskKey} AND due_at <> {due.ToUniversalTime()})
                DELETE FROM task_reminders WHERE instance_id = {instanceId} AND task_key = {taskKey} AND due_at <> {due.ToUniversalTime()}
                """, cancellationToken)
            : db.Database.ExecuteSqlInterpolatedAsync($"""
                WITH levels AS (DELETE FROM task_escalations WHERE instance_id = {instanceId} AND task_key = {taskKey})
                DELETE FROM task_reminders WHERE instance_id = {instanceId} AND task_key = {taskKey}
                """, cancellationToken);

    private static void ScheduleWait(QuartzChanges changes, WorkflowOutboxPayload payload, WaitScheduled effect)
    {
        var jobKey = ScheduleKeys.WaitJob(payload.InstanceId, effect.StepKey);
        var job = JobBuilder.Create<WaitElapsedJob>().WithIdentity(jobKey)
            .UsingJobData(ScheduleKeys.Data.NominationId, payload.NominationId.ToString())
            .UsingJobData(ScheduleKeys.Data.StepKey, effect.StepKey)
            .Build();
        var trigger = TriggerBuilder.Create().WithIdentity(ScheduleKeys.WaitTrigger(payload.InstanceId, effect.StepKey)).ForJob(jobKey)
            .StartAt(effect.Until).WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
        changes.Schedule(job, [trigger]);
    }

    /// <summary>Fires once at <paramref name="at"/>; if the cluster was down then, it fires once as soon as a node is up.</summary>
    private static ITrigger OneShot(JobKey job, TriggerKey key, string kind, DateTimeOffset at) =>
        TriggerBuilder.Create().WithIdentity(key).ForJob(job)
            .UsingJobData(ScheduleKeys.Data.Kind, kind)
            .UsingJobData(ScheduleKeys.Data.FireAt, Iso(at))
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();

    private static string Iso(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);

    private async Task NotifyAsync(long messageId, WorkflowOutboxPayload payload, NotificationRequested effect, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == payload.InstanceId, cancellationToken);
        var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        var stepKey = effect.Data.GetValueOrDefault("stepKey") ?? "";
        var state = StepPaths.IsNested(stepKey) ? InstanceState.FromJson(instance.State) : null;
        var callees = state is null ? null : await definitions.CalleesAsync(definition, state, cancellationToken);
        // A committee position is the step's committee's; on a step without one (an appraisal), the route's committees'.
        IReadOnlyCollection<string> committees = Notifier.CommitteeOf(definition, stepKey, state, callees) is { } own
            ? [own]
            : definition.Steps.Select(WorkflowDefinitionValidator.CommitteeOf).OfType<string>().Distinct().ToList();
        var recipients = await notifier.ResolveAsync(effect.Recipient, committees, cancellationToken);
        var stepName = new StepNameText(definition, stepKey, callees);
        var nominee = await db.Nominations.Where(n => n.Id == payload.NominationId).Select(n => n.NomineeName).SingleAsync(cancellationToken);
        // The engine's overdue and escalation requests always carry the task's due time.
        var dueAt = DateTimeOffset.Parse(effect.Data["dueAt"], CultureInfo.InvariantCulture);
        var level = effect.Data.TryGetValue("level", out var l) ? int.Parse(l, CultureInfo.InvariantCulture) : (int?)null;
        var (kind, (title, body)) = effect.Template switch
        {
            "task-escalated" when level is { } n => (NotificationKinds.TaskEscalated,
                NotificationTexts.EscalatedLevel(nominee, stepName, dueAt, DateTimeOffset.Parse(effect.Data["escalateAt"], CultureInfo.InvariantCulture), n)),
            "task-escalated" => (NotificationKinds.TaskEscalated, NotificationTexts.Escalated(nominee, stepName, dueAt)),
            DeadlineMovedText.Template => (DeadlineMovedText.Kind,
                DeadlineMovedText.Moved(nominee, stepName, DateTimeOffset.Parse(effect.Data["previousDueAt"], CultureInfo.InvariantCulture), dueAt)),
            _ => (NotificationKinds.TaskOverdue, NotificationTexts.Overdue(nominee, stepName, dueAt)),
        };
        // A level of an escalation chain reaches each recipient once per step, round, level and instant, however many open
        // tasks it concerns (a vote's nine ballots due together escalate to the chair once).
        var dedupe = level is { } lv && effect.Template == "task-escalated"
            ? $"escalated:{payload.InstanceId:N}:{stepKey}:r{effect.Data.GetValueOrDefault("round")}:l{lv}:{effect.Data["escalateAt"]}"
            : $"outbox:{messageId}";
        await notifier.NotifyAsync(recipients, new NotificationDraft(kind, title, body, payload.NominationId, dedupe), cancellationToken);
    }
}
