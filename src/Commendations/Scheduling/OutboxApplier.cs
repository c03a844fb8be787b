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
/// Applies one outbox message: what must leave the transaction that wrote it — notifications (and their mail), a wait's
/// end as a Quartz trigger, a failed job's retry. Deadlines are not here: they are rows written in the transition's own
/// transaction (<see cref="DeadlineRows"/>). Every operation is idempotent: triggers have deterministic keys and are
/// stored with replace; notifications carry the message id in their dedupe key, or (hand-overs,
/// <see cref="HandOverNotifier"/>) the event they tell. A message applied twice (crash before it was marked processed)
/// leaves the same state as once.
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
    /// which the dispatcher writes for the whole batch.
    /// </summary>
    public async Task ApplyAsync(QuartzChanges changes, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Kind == OutboxKinds.HandOver)
        {
            await handOvers.NotifyAsync(HandOverOf(message), cancellationToken);
            return;
        }
        await ApplyOtherAsync(changes, message, cancellationToken);
    }

    /// <summary>
    /// A batch of messages at once: the hand-overs — most of what approvals write — are told together (their lookups and
    /// notifications one statement each for the batch, <see cref="HandOverNotifier.NotifyAllAsync"/>), the rest one by one.
    /// Each message's effect is the same as applied alone; all of them commit together or, on failure, none.
    /// </summary>
    public async Task ApplyAllAsync(QuartzChanges changes, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var handOverBatch = new List<HandOver>();
        foreach (var message in messages)
        {
            if (message.Kind == OutboxKinds.HandOver)
                handOverBatch.Add(HandOverOf(message));
            else
                await ApplyOtherAsync(changes, message, cancellationToken);
        }
        await handOvers.NotifyAllAsync(handOverBatch, cancellationToken);
    }

    private static HandOver HandOverOf(OutboxMessage message) =>
        JsonSerializer.Deserialize<HandOver>(message.Payload, EffectOptions) ?? throw new JsonException($"Outbox message {message.Id} has no hand-over.");

    private async Task ApplyOtherAsync(QuartzChanges changes, OutboxMessage message, CancellationToken cancellationToken)
    {
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
