using System.Text.Json;
using Commendations.Audit;
using Commendations.Common.Security;
using Commendations.Domain.Nominations;
using Commendations.Domain.Outbox;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Scheduling;
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
    EngineMessages messages,
    TimeProvider clock,
    ICurrentUser user)
{
    public static Actor ActorFor(ICurrentUser user) =>
        new(user.UserId.ToString(), user.Roles, user.UnitId?.ToString());

    /// <summary>A route new drafts start on: the latest published version of a definition and what its sub-routes call.</summary>
    public sealed record StartingRoute(WorkflowDefinition Definition, CalleeDefinitions Callees);

    /// <summary>Read once for many drafts of the same route (an imported list), so each start reads nothing more.</summary>
    public async Task<StartingRoute> RouteAsync(string definitionId, CancellationToken cancellationToken)
    {
        var definition = await definitions.LatestPublishedAsync(definitionId, cancellationToken);
        return new StartingRoute(definition, await definitions.CalleesAsync(definition, null, cancellationToken));
    }

    public async Task StartAsync(Nomination nomination, string definitionId, CancellationToken cancellationToken) =>
        await StartAsync(nomination, await RouteAsync(definitionId, cancellationToken), cancellationToken);

    public async Task StartAsync(Nomination nomination, StartingRoute route, CancellationToken cancellationToken)
    {
        var definition = route.Definition;
        var context = await contexts.CreateAsync(nomination, cancellationToken, definition);
        context = context with { Callees = route.Callees };
        var result = WorkflowRuntime.Start(definition, context);
        if (!result.Succeeded)
            throw await RefusalAsync(result.Error!, definition, context.Callees, cancellationToken);

        var instance = new WorkflowInstance(nomination.Id, definition.Id, definition.Version, context.Now);
        db.WorkflowInstances.Add(instance);
        nomination.AttachWorkflow(instance.Id);
        // A new draft is nobody's news: its creator holds it.
        await ApplyAsync(definition, nomination, instance, result, null, null, cancellationToken);
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
            throw await RefusalAsync(result.Error!, definition, context.Callees, cancellationToken);
        await ApplyAsync(definition, nomination, instance, result, state, context.Callees, cancellationToken);
        return result;
    }

    /// <summary>The engine's refusal as the exception its code maps to, its sentence naming steps and people.</summary>
    private async Task<Exception> RefusalAsync(RuntimeError error, WorkflowDefinition definition, CalleeDefinitions callees, CancellationToken cancellationToken) =>
        RuntimeErrorMapping.ToException(error, await messages.OfAsync(error, EngineMessages.Scope.Of(definition, callees), cancellationToken));

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
            return result with { Problems = await NamedAsync(result.Problems, from, to, context.Callees, cancellationToken) };
        instance.MoveToVersion(to.Version);
        await ApplyAsync(to, nomination, instance, new TransitionResult(true, result.State, result.Effects, null), state, context.Callees, cancellationToken);
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
            throw await RefusalAsync(result.Error!, definition, context.Callees, cancellationToken);
        if (apply && result.Effects.Count > 0)
            await ApplyAsync(definition, nomination, instance, result, state, context.Callees, cancellationToken);
        return result;
    }

    /// <summary>
    /// The move repair (<see cref="InstanceMover"/>): the instance leaves its step and enters <paramref name="target"/> of
    /// its own version afresh. Without <paramref name="apply"/>, only the preview (problems named for people).
    /// </summary>
    public async Task<MovePreview> MoveAsync(Nomination nomination, string target, string actorUserId, string reason, bool apply,
        CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.SingleAsync(i => i.NominationId == nomination.Id, cancellationToken);
        var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        var state = InstanceState.FromJson(instance.State);
        var context = await MigrationContextAsync(nomination, definition, state, cancellationToken);
        var preview = InstanceMover.Plan(definition, state, target, context);
        if (!preview.CanApply)
            return preview with { Preview = preview.Preview with { Problems = await NamedAsync(preview.Preview.Problems, definition, definition, context.Callees, cancellationToken) } };
        if (!apply)
            return preview;
        var result = InstanceMover.Apply(definition, state, target, context, actorUserId, reason);
        if (!result.Succeeded)
            return preview with { Preview = preview.Preview with { Problems = await NamedAsync(result.Problems, definition, definition, context.Callees, cancellationToken) } };
        await ApplyAsync(definition, nomination, instance, new TransitionResult(true, result.State, result.Effects, null), state, context.Callees, cancellationToken);
        return preview;
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
        var preview = InstanceMigrator.Plan(from, to, state, mapping, context);
        return preview.Problems.Count == 0 ? preview : preview with { Problems = await NamedAsync(preview.Problems, from, to, context.Callees, cancellationToken) };
    }

    /// <summary>Migration problems as the administrator reads them: steps of either version by their titles, in the reader's language.</summary>
    private async Task<IReadOnlyList<MigrationProblem>> NamedAsync(IReadOnlyList<MigrationProblem> problems, WorkflowDefinition from, WorkflowDefinition to,
        CalleeDefinitions callees, CancellationToken cancellationToken)
    {
        var texts = await messages.OfAllAsync([.. problems.Select(p => (p.Template, p.Args))], new EngineMessages.Scope([from, to], callees), cancellationToken);
        return [.. problems.Select((p, i) => p with { Message = texts[i].Format() })];
    }

    /// <summary>The new version's callees, and those the instance is pinned to (a kept sub-route goes on on its version).</summary>
    private async Task<RuntimeContext> MigrationContextAsync(Nomination nomination, WorkflowDefinition to, InstanceState state, CancellationToken cancellationToken)
    {
        var context = await contexts.CreateAsync(nomination, cancellationToken);
        return context with { Callees = await definitions.CalleesAsync(to, state, cancellationToken) };
    }

    /// <summary>
    /// Applies the effects. With <paramref name="before"/> (every transition but a start) what the transition handed over
    /// is written to the outbox for the notifications (<see cref="HandOver"/>), and each council vote it decided is
    /// audited with its counts (<c>vote.counted</c>, read by the timeline).
    /// </summary>
    private async Task ApplyAsync(WorkflowDefinition definition, Nomination nomination, WorkflowInstance instance,
        TransitionResult result, InstanceState? before, CalleeDefinitions? callees, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var state = result.State;
        instance.Update(state.ToJson(), state.CurrentStep, state.Status == InstanceStatus.Completed, now);
        var stream = AuditTrail.NominationStream(nomination.Id);
        var cancelled = new List<HandOverTask>();

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
                    if (closed.ActorUserId is null || closed.Outcome is Outcomes.Withdrawn or Outcomes.Cancelled or InstanceMover.MovedOutcome)
                        cancelled.Add(new HandOverTask(task.TaskKey, task.StepKey, task.AssigneeUserId?.ToString(), task.AssigneeRole,
                            task.AssigneeUnitId?.ToString(), task.DueAt));
                    break;
                case TaskReassigned reassigned:
                    (await FindTaskAsync(instance.Id, reassigned.TaskId, cancellationToken)).Reassign(Guid.Parse(reassigned.ToUserId));
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
                case DeadlineScheduled scheduled:
                    await DeadlineRows.WriteAsync(db, instance.Id, nomination.Id, scheduled,
                        result.Effects.OfType<TaskOpened>().Any(o => o.TaskId == scheduled.TaskId), cancellationToken);
                    break;
                case DeadlineCancelled:
                    // Nothing to write: the closed task's rows are dropped by the sweeps (DeadlineRows).
                    break;
                case WaitScheduled wait:
                    await WaitRows.WriteAsync(db, instance.Id, nomination.Id, wait, cancellationToken);
                    break;
                case NotificationRequested:
                    db.Outbox.Add(new OutboxMessage(OutboxKinds.NotificationRequested, JsonSerializer.Serialize(
                        new WorkflowOutboxPayload(instance.Id, nomination.Id, JsonSerializer.Serialize(effect, WorkflowJson.Options))), now));
                    break;
            }
        }
        if (before is not null)
        {
            var handOver = HandOver.Describe(instance.Id, nomination.Id, user.UserId.ToString(), definition, before, callees, result, cancelled);
            // The counts sit before the step entries they led to in the history; the timeline shows them with the vote's step.
            foreach (var counted in state.History.Skip(before.History.Count).Where(e => e.Event == HistoryEvent.VoteCounted && e.Vote is not null))
            {
                if (StepPaths.Resolve(definition, counted.StepKey!, before, callees) is VoteStep vote)
                    await audit.RecordAsync(stream, VoteCountedEvent, counted.StepKey, null, VoteCount.Of(vote, counted.Vote!), cancellationToken);
            }
            if (handOver.IsNews)
                db.Outbox.Add(new OutboxMessage(OutboxKinds.HandOver, JsonSerializer.Serialize(handOver, WorkflowJson.Options), now));
        }
        nomination.SyncFromWorkflow(StatusOf(definition, state), state.CurrentStep, state.Round, now);
    }

    /// <summary>The audit event of a decided council vote; its data is a <see cref="VoteCount"/>.</summary>
    public const string VoteCountedEvent = "vote.counted";


    /// <summary>Task rows of this transaction may not be saved yet: look in the change tracker first.</summary>
    private async Task<WorkflowTask> FindTaskAsync(Guid instanceId, string taskKey, CancellationToken cancellationToken) =>
        db.FindTracked<WorkflowTask>(t => t.InstanceId == instanceId && t.TaskKey == taskKey)
        ?? await db.Tasks.SingleAsync(t => t.InstanceId == instanceId && t.TaskKey == taskKey, cancellationToken);

    private static WorkflowTask NewTask(WorkflowInstance instance, Nomination nomination, TaskOpened opened, int round, DateTimeOffset now) =>
        new(instance.Id, nomination.Id, nomination.CampaignId, nomination.NomineeName, opened.TaskId, opened.StepKey, round,
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
}
