using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Scheduling;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Commendations.Features.Scheduling;

/// <summary>
/// One batch of the deadline sweep (sent by <see cref="DeadlineSlotJob"/> as the system): takes up to
/// <see cref="BatchSize"/> open tasks whose due time has come by <see cref="Until"/> and is not yet handled — the task
/// rows themselves, locked with <c>FOR UPDATE SKIP LOCKED</c>, so a sweep on another node takes other tasks and none is
/// handled twice — and runs the engine's <see cref="DeadlinePassed"/> for each in this command's one transaction: the
/// assignee is told the task is overdue and the step's escalation at the due time happens (a role notified through the
/// outbox, or the engine taking the named action itself). Each task is marked handled in the same transaction, whatever
/// the engine did; if the transaction fails, the tasks are back for the next sweep.
/// </summary>
[Allowed(Audience.System)]
public sealed record SendDueDeadlines(DateTimeOffset Until, int BatchSize = SendDueDeadlines.DefaultBatchSize) : ICommand<DueDeadlinesSent>
{
    public const int DefaultBatchSize = 100;
}

/// <param name="Taken">Tasks taken (passed or found already handled): fewer than the batch size means nothing is left.</param>
/// <param name="Passed">Tasks whose deadline the engine handled now.</param>
public sealed record DueDeadlinesSent(int Taken, int Passed);

public sealed class SendDueDeadlinesHandler(CommendationsDbContext db, NominationWorkflow workflow, AuditTrail audit, TimeProvider clock,
    ILogger<SendDueDeadlinesHandler> logger) : IRequestHandler<SendDueDeadlines, DueDeadlinesSent>
{
    public async Task<DueDeadlinesSent> Handle(SendDueDeadlines request, CancellationToken cancellationToken)
    {
        var until = request.Until.ToUniversalTime();
        // Tracked: the engine's TaskClosed/TaskOpened effects below find these rows in the change tracker.
        var tasks = await db.Tasks.FromSqlInterpolated($"""
            SELECT t.*, t.xmin FROM workflow_tasks t
            WHERE t.status = 'Open' AND t.deadline_passed_at IS NULL AND t.due_at <= {until}
            ORDER BY t.due_at LIMIT {request.BatchSize} FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        var passed = 0;
        foreach (var task in tasks)
        {
            task.DeadlineHandled(clock.GetUtcNow());
            if (await PassAsync(task, cancellationToken))
                passed++;
        }
        return new DueDeadlinesSent(tasks.Count, passed);
    }

    /// <summary>
    /// The engine's DeadlinePassed for one task, re-checked against the instance first: the task still open there, due
    /// when this row says, not yet overdue. Otherwise nothing happens (false).
    /// </summary>
    private async Task<bool> PassAsync(WorkflowTask row, CancellationToken cancellationToken)
    {
        var instance = db.FindTracked<WorkflowInstance>(i => i.Id == row.InstanceId)
                       ?? await db.WorkflowInstances.SingleOrDefaultAsync(i => i.Id == row.InstanceId, cancellationToken);
        var task = instance is null ? null : InstanceState.FromJson(instance.State).FindTask(row.TaskKey);
        if (instance is null || task is null || task.Overdue || task.DueAt != row.DueAt)
            return false;
        var nomination = db.FindTracked<Domain.Nominations.Nomination>(n => n.Id == instance.NominationId)
                         ?? await db.Nominations.SingleAsync(n => n.Id == instance.NominationId, cancellationToken);
        try
        {
            await workflow.ExecuteAsync(nomination, new DeadlinePassed(row.TaskKey, row.DueAt), cancellationToken);
        }
        catch (Common.Errors.ConflictException refused) when (refused.Code is RuntimeErrors.AlreadyOverdue or RuntimeErrors.StaleDeadline)
        {
            logger.LogInformation("Deadline of {Task}: {Code}.", row.TaskKey, refused.Code);
            return false;
        }
        await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), "deadline.passed", task.StepKey, null,
            new { taskId = row.TaskKey, dueAt = row.DueAt }, cancellationToken);
        return true;
    }
}
