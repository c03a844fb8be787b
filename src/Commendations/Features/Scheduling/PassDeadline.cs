using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Scheduling;

/// <summary>
/// A task's due trigger fired (sent by the scheduler as the system). Re-checks inside the transaction that the task is
/// still open, due when the trigger was set, and not yet handled; otherwise does nothing and returns false. Then the
/// engine's DeadlinePassed runs: the assignee is told the task is overdue and the step's escalation happens — a role is
/// notified (NotificationRequested effects, delivered through the outbox) or the engine takes the named action itself.
/// </summary>
[Allowed(Audience.System)]
public sealed record PassDeadline(Guid InstanceId, string TaskKey, DateTimeOffset ExpectedDueAt) : ICommand<bool>;

public sealed class PassDeadlineHandler(CommendationsDbContext db, NominationWorkflow workflow, AuditTrail audit)
    : IRequestHandler<PassDeadline, bool>
{
    public async Task<bool> Handle(PassDeadline request, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == request.InstanceId, cancellationToken);
        if (instance is null)
            return false;
        var task = InstanceState.FromJson(instance.State).FindTask(request.TaskKey);
        if (task is null || task.Overdue || task.DueAt != request.ExpectedDueAt)
            return false;

        var nomination = await db.Nominations.SingleAsync(n => n.Id == instance.NominationId, cancellationToken);
        await workflow.ExecuteAsync(nomination, new DeadlinePassed(request.TaskKey, request.ExpectedDueAt), cancellationToken);
        await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), "deadline.passed", task.StepKey, null,
            new { taskId = request.TaskKey, dueAt = request.ExpectedDueAt }, cancellationToken);
        return true;
    }
}
