using System.Text.Json;
using Commendations.Audit;
using Commendations.Common.Security;
using Commendations.Domain.Nominations;
using Commendations.Domain.Outbox;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Workflow;

/// <summary>
/// The one bridge between a nomination and the pure engine: runs a command and applies the returned effects in the
/// current transaction — instance state, task rows, outbox rows for deadlines and notifications, the nomination's
/// derived status, and audit entries.
/// </summary>
public sealed class NominationWorkflow(
    CommendationsDbContext db,
    DefinitionCache definitions,
    RuntimeContextFactory contexts,
    AuditTrail audit,
    TimeProvider clock)
{
    public static Actor ActorFor(ICurrentUser user) =>
        new(user.UserId.ToString(), user.Roles, user.UnitId?.ToString());

    public async Task StartAsync(Nomination nomination, string definitionId, CancellationToken cancellationToken)
    {
        var definition = await definitions.LatestPublishedAsync(definitionId, cancellationToken);
        var context = await contexts.CreateAsync(nomination, cancellationToken, definition);
        context = context with { Callees = await definitions.CalleesAsync(definition, null, cancellationToken) };
        var result = WorkflowRuntime.Start(definition, context);
        if (!result.Succeeded)
            throw RuntimeErrorMapping.ToException(result.Error!);

        var instance = new WorkflowInstance(nomination.Id, definition.Id, definition.Version, context.Now);
        db.WorkflowInstances.Add(instance);
        nomination.AttachWorkflow(instance.Id);
        await ApplyAsync(definition, nomination, instance, result, cancellationToken);
    }

    /// <summary>Runs <paramref name="command"/>; a refusal throws (403/409/400) and changes nothing.</summary>
    public async Task<TransitionResult> ExecuteAsync(Nomination nomination, WorkflowCommand command, CancellationToken cancellationToken)
    {
        var instance = db.FindTracked<WorkflowInstance>(i => i.NominationId == nomination.Id)
                       ?? await db.WorkflowInstances.SingleAsync(i => i.NominationId == nomination.Id, cancellationToken);
        var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        var state = InstanceState.FromJson(instance.State);
        var context = await contexts.CreateAsync(nomination, cancellationToken, definition);
        context = context with { Callees = await definitions.CalleesAsync(definition, state, cancellationToken) };
        var result = WorkflowRuntime.Execute(definition, state, command, context);
        if (!result.Succeeded)
            throw RuntimeErrorMapping.ToException(result.Error!);
        await ApplyAsync(definition, nomination, instance, result, cancellationToken);
        return result;
    }

    /// <summary>
    /// Moves a running instance to another version of its definition, continuing from the mapped step (not from the
    /// start): old tasks close, the mapped step's tasks open, history and round are kept.
    /// </summary>
    public async Task<MigrationResult> MigrateAsync(Nomination nomination, int toVersion, IReadOnlyDictionary<string, string>? mapping,
        string actorUserId, string? comment, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.SingleAsync(i => i.NominationId == nomination.Id, cancellationToken);
        var from = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        var to = await definitions.GetAsync(instance.DefinitionId, toVersion, cancellationToken);
        var state = InstanceState.FromJson(instance.State);
        var context = await MigrationContextAsync(nomination, to, state, cancellationToken);
        var result = InstanceMigrator.Apply(from, to, state, mapping, context, actorUserId, comment);
        if (!result.Succeeded)
            return result;
        instance.MoveToVersion(to.Version);
        await ApplyAsync(to, nomination, instance, new TransitionResult(true, result.State, result.Effects, null), cancellationToken);
        return result;
    }

    /// <summary>
    /// The engine's <see cref="RecomputeDeadlines"/> under <paramref name="calendar"/> (a calendar about to be saved, so not
    /// read from the cache): with <paramref name="apply"/>, its effects are applied in this transaction — task rows, audit
    /// entries, outbox rows that move the Quartz triggers and the reminder and escalation-level rows, the notices; without,
    /// nothing is changed (a preview). Opening instants the state lacks (states written before tasks kept them) come from
    /// the task rows.
    /// </summary>
    public async Task<TransitionResult> RecomputeDeadlinesAsync(Nomination nomination, WorkflowInstance instance, WorkingCalendar calendar, bool apply,
        CancellationToken cancellationToken)
    {
        var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        var state = InstanceState.FromJson(instance.State);
        var context = await contexts.CreateAsync(nomination, cancellationToken, definition);
        context = context with { Calendar = calendar, Callees = await definitions.CalleesAsync(definition, state, cancellationToken) };
        var openedAt = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == instance.Id && t.Status == WorkflowTaskStatus.Open)
            .ToDictionaryAsync(t => t.TaskKey, t => t.OpenedAt, cancellationToken);
        var result = WorkflowRuntime.Execute(definition, state, new RecomputeDeadlines { OpenedAt = openedAt }, context);
        if (!result.Succeeded)
            throw RuntimeErrorMapping.ToException(result.Error!);
        if (apply && result.Effects.Count > 0)
            await ApplyAsync(definition, nomination, instance, result, cancellationToken);
        return result;
    }

    /// <summary>What <see cref="MigrateAsync"/> would do, without doing it.</summary>
    public async Task<MigrationPreview> PlanMigrationAsync(Nomination nomination, int toVersion, IReadOnlyDictionary<string, string>? mapping,
        CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == nomination.Id, cancellationToken);
        var from = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        var to = await definitions.GetAsync(instance.DefinitionId, toVersion, cancellationToken);
        var state = InstanceState.FromJson(instance.State);
        var context = await MigrationContextAsync(nomination, to, state, cancellationToken);
        return InstanceMigrator.Plan(from, to, state, mapping, context);
    }

    /// <summary>The new version's callees, and those the instance is pinned to (a kept sub-route goes on on its version).</summary>
    private async Task<RuntimeContext> MigrationContextAsync(Nomination nomination, WorkflowDefinition to, InstanceState state, CancellationToken cancellationToken)
    {
        var context = await contexts.CreateAsync(nomination, cancellationToken);
        return context with { Callees = await definitions.CalleesAsync(to, state, cancellationToken) };
    }

    private async Task ApplyAsync(WorkflowDefinition definition, Nomination nomination, WorkflowInstance instance,
        TransitionResult result, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var state = result.State;
        instance.Update(state.ToJson(), state.CurrentStep, state.Status == InstanceStatus.Completed, now);
        var stream = AuditTrail.NominationStream(nomination.Id);

        foreach (var effect in result.Effects)
        {
            switch (effect)
            {
                case TaskOpened opened:
                    db.Tasks.Add(NewTask(instance, nomination, opened, state.Round, now));
                    if (opened.PastAtEntry)
                        await audit.RecordAsync(stream, "deadline.past-at-entry", opened.StepKey, null, new { taskId = opened.TaskId, dueAt = opened.DueAt }, cancellationToken);
                    break;
                case TaskClosed closed:
                    var task = await FindTaskAsync(instance.Id, closed.TaskId, cancellationToken);
                    task.Close(closed.Outcome, Guid.TryParse(closed.ActorUserId, out var actor) ? actor : null, now);
                    break;
                case StepEntered entered:
                    await audit.RecordAsync(stream, "step.entered", entered.StepKey, null, new { round = entered.Round }, cancellationToken);
                    break;
                case InstanceCompleted completed:
                    await audit.RecordAsync(stream, "workflow.completed", null, null, new { result = completed.Result.ToString() }, cancellationToken);
                    break;
                case DeadlineRecomputed recomputed:
                    var moved = await FindTaskAsync(instance.Id, recomputed.TaskId, cancellationToken);
                    moved.Reschedule(recomputed.DueAt, recomputed.ReminderTimes, recomputed.EscalateAt);
                    if (recomputed.DueMoved)
                        await audit.RecordAsync(stream, "deadline.moved", recomputed.StepKey, null,
                            new { taskId = recomputed.TaskId, previousDueAt = recomputed.PreviousDueAt, dueAt = recomputed.DueAt, reason = "calendar" }, cancellationToken);
                    break;
                case DeadlineScheduled or DeadlineCancelled or WaitScheduled or NotificationRequested:
                    db.Outbox.Add(new OutboxMessage(OutboxKindOf(effect), JsonSerializer.Serialize(
                        new WorkflowOutboxPayload(instance.Id, nomination.Id, JsonSerializer.Serialize(effect, WorkflowJson.Options))), now));
                    break;
            }
        }
        nomination.SyncFromWorkflow(StatusOf(definition, state), state.CurrentStep, state.Round, now);
    }

    /// <summary>Task rows of this transaction may not be saved yet: look in the change tracker first.</summary>
    private async Task<WorkflowTask> FindTaskAsync(Guid instanceId, string taskKey, CancellationToken cancellationToken) =>
        db.FindTracked<WorkflowTask>(t => t.InstanceId == instanceId && t.TaskKey == taskKey)
        ?? await db.Tasks.SingleAsync(t => t.InstanceId == instanceId && t.TaskKey == taskKey, cancellationToken);

    private static WorkflowTask NewTask(WorkflowInstance instance, Nomination nomination, TaskOpened opened, int round, DateTimeOffset now) =>
        new(instance.Id, nomination.Id, opened.TaskId, opened.StepKey, round,
            Guid.TryParse(opened.Assignee.UserId, out var userId) ? userId : null,
            opened.Assignee.Role,
            Guid.TryParse(opened.Assignee.UnitId, out var unitId) ? unitId : null,
            opened.Sequence, now, opened.DueAt, opened.ReminderTimes, opened.EscalateAt);

    /// <summary>
    /// Draft/Returned while the nominating unit holds the dossier (a task step scoped to it), in review otherwise,
    /// and the end result once completed.
    /// </summary>
    public static NominationStatus StatusOf(WorkflowDefinition definition, InstanceState state)
    {
        if (state.Status == InstanceStatus.Completed)
        {
            return state.Result switch
            {
                EndResult.Awarded => NominationStatus.Awarded,
                EndResult.Withdrawn => NominationStatus.Withdrawn,
                _ => NominationStatus.Rejected,
            };
        }
        var atUnit = state.CurrentStep is { } key && definition.FindStep(key) is TaskStep { Assignee.Scope: RuntimeContextFactory.NominatingScope };
        if (!atUnit)
            return NominationStatus.InReview;
        return state.Round == 1 ? NominationStatus.Draft : NominationStatus.Returned;
    }

    private static string OutboxKindOf(WorkflowEffect effect) => effect switch
    {
        DeadlineScheduled => OutboxKinds.DeadlineScheduled,
        DeadlineCancelled => OutboxKinds.DeadlineCancelled,
        WaitScheduled => OutboxKinds.WaitScheduled,
        _ => OutboxKinds.NotificationRequested,
    };
}
