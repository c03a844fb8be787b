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
/// replace; cancelling deletes the task's job (and so all its triggers); notifications carry the message id in their
/// dedupe key. A message applied twice (crash before it was marked processed) leaves the same state as once.
/// </summary>
public sealed class OutboxApplier(CommendationsDbContext db, Notifier notifier, DefinitionCache definitions)
{
    /// <summary>
    /// The engine's options omit null properties when writing (an effect without escalation has no <c>escalateAt</c>),
    /// so reading back must not insist on every constructor parameter.
    /// </summary>
    private static readonly JsonSerializerOptions EffectOptions = new(WorkflowJson.Options) { RespectRequiredConstructorParameters = false };

    public async Task ApplyAsync(IScheduler scheduler, OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<WorkflowOutboxPayload>(message.Payload)
                      ?? throw new JsonException($"Outbox message {message.Id} has no payload.");
        var effect = JsonSerializer.Deserialize<WorkflowEffect>(payload.EffectJson, EffectOptions);
        switch (effect)
        {
            case DeadlineScheduled scheduled:
                await ScheduleDeadlineAsync(scheduler, payload, scheduled, cancellationToken);
                break;
            case DeadlineCancelled cancelled:
                await scheduler.DeleteJob(ScheduleKeys.TaskJob(payload.InstanceId, cancelled.TaskId), cancellationToken);
                break;
            case WaitScheduled wait:
                await ScheduleWaitAsync(scheduler, payload, wait, cancellationToken);
                break;
            case NotificationRequested requested:
                await NotifyAsync(message.Id, payload, requested, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Outbox message {message.Id} of kind '{message.Kind}' carries no effect the dispatcher applies.");
        }
    }

    private async Task ScheduleDeadlineAsync(IScheduler scheduler, WorkflowOutboxPayload payload, DeadlineScheduled effect, CancellationToken cancellationToken)
    {
        var jobKey = ScheduleKeys.TaskJob(payload.InstanceId, effect.TaskId);
        var task = await db.Tasks.AsNoTracking()
            .SingleOrDefaultAsync(t => t.InstanceId == payload.InstanceId && t.TaskKey == effect.TaskId, cancellationToken);
        if (task is null || task.Status != WorkflowTaskStatus.Open || task.DueAt != effect.DueAt)
        {
            // Applied late (e.g. after a retry): the task closed or moved since; leave nothing behind for it.
            await scheduler.DeleteJob(jobKey, cancellationToken);
            return;
        }

        var job = JobBuilder.Create<TaskTimerJob>().WithIdentity(jobKey)
            .UsingJobData(ScheduleKeys.Data.InstanceId, payload.InstanceId.ToString())
            .UsingJobData(ScheduleKeys.Data.NominationId, payload.NominationId.ToString())
            .UsingJobData(ScheduleKeys.Data.TaskKey, effect.TaskId)
            .UsingJobData(ScheduleKeys.Data.DueAt, Iso(effect.DueAt))
            .Build();
        var triggers = new List<ITrigger>();
        for (var i = 0; i < effect.ReminderTimes.Count; i++)
            triggers.Add(OneShot(jobKey, ScheduleKeys.Reminder(payload.InstanceId, effect.TaskId, i), ScheduleKeys.KindReminder, effect.ReminderTimes[i]));
        triggers.Add(OneShot(jobKey, ScheduleKeys.Due(payload.InstanceId, effect.TaskId), ScheduleKeys.KindDue, effect.DueAt));
        await scheduler.ScheduleJob(job, triggers, ScheduleJobOptions.Replacing, cancellationToken);
    }

    private static async Task ScheduleWaitAsync(IScheduler scheduler, WorkflowOutboxPayload payload, WaitScheduled effect, CancellationToken cancellationToken)
    {
        var jobKey = ScheduleKeys.WaitJob(payload.InstanceId, effect.StepKey);
        var job = JobBuilder.Create<WaitElapsedJob>().WithIdentity(jobKey)
            .UsingJobData(ScheduleKeys.Data.NominationId, payload.NominationId.ToString())
            .UsingJobData(ScheduleKeys.Data.StepKey, effect.StepKey)
            .Build();
        var trigger = TriggerBuilder.Create().WithIdentity(ScheduleKeys.WaitTrigger(payload.InstanceId, effect.StepKey)).ForJob(jobKey)
            .StartAt(effect.Until).WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
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
        var committee = Notifier.CommitteeOf(definition, stepKey);
        var recipients = await notifier.ResolveAsync(effect.Recipient, committee is null ? null : [committee], cancellationToken);
        var nominee = await db.Nominations.Where(n => n.Id == payload.NominationId).Select(n => n.NomineeName).SingleAsync(cancellationToken);
        // The engine's overdue and escalation requests always carry the task's due time.
        var dueAt = DateTimeOffset.Parse(effect.Data["dueAt"], CultureInfo.InvariantCulture);
        var (kind, (title, body)) = effect.Template switch
        {
            "task-escalated" => (NotificationKinds.TaskEscalated, NotificationTexts.Escalated(nominee, stepKey, dueAt)),
            _ => (NotificationKinds.TaskOverdue, NotificationTexts.Overdue(nominee, stepKey, dueAt)),
        };
        await notifier.NotifyAsync(recipients, new NotificationDraft(kind, title, body, payload.NominationId, $"outbox:{messageId}"), cancellationToken);
    }
}
