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
/// One batch of the escalation sweep (sent by <see cref="EscalationSlotJob"/> as the system): takes up to
/// <see cref="BatchSize"/> level rows due by <see cref="Until"/> — deleted and locked by one statement (<c>FOR UPDATE SKIP
/// LOCKED</c>), so a sweep on another node takes other rows — and runs the engine's <see cref="Escalate"/> for each in this
/// command's one transaction. Each row is re-checked against the instance first: the task still open, still due when the
/// level was computed for, the level not yet done; otherwise it is dropped. The engine performs a level once (it counts
/// the levels done in the instance), so a row swept twice, or a level already performed by a later one, delivers nothing
/// new. Notifications go through the outbox like every engine effect.
/// </summary>
[Allowed(Audience.System)]
public sealed record SendDueEscalations(DateTimeOffset Until, int BatchSize = SendDueEscalations.DefaultBatchSize) : ICommand<DueEscalationsSent>
{
    public const int DefaultBatchSize = 100;
}

/// <param name="Taken">Rows taken (performed or dropped): fewer than the batch size means nothing is left.</param>
/// <param name="Performed">Rows whose level the engine performed (with any earlier level it had missed).</param>
public sealed record DueEscalationsSent(int Taken, int Performed);

public sealed class SendDueEscalationsHandler(CommendationsDbContext db, NominationWorkflow workflow, AuditTrail audit, ILogger<SendDueEscalationsHandler> logger)
    : IRequestHandler<SendDueEscalations, DueEscalationsSent>
{
    public async Task<DueEscalationsSent> Handle(SendDueEscalations request, CancellationToken cancellationToken)
    {
        var until = request.Until.ToUniversalTime();
        var rows = await db.TaskEscalations.FromSqlInterpolated($"""
            DELETE FROM task_escalations WHERE ctid IN (
                SELECT ctid FROM task_escalations WHERE escalate_at <= {until} ORDER BY escalate_at LIMIT {request.BatchSize} FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
        var performed = 0;
        // Levels of one task in order, so an earlier level is never reported as caught up by a later one needlessly.
        foreach (var row in rows.OrderBy(r => r.EscalateAt).ThenBy(r => r.Level))
        {
            var instance = db.FindTracked<WorkflowInstance>(i => i.Id == row.InstanceId)
                           ?? await db.WorkflowInstances.SingleOrDefaultAsync(i => i.Id == row.InstanceId, cancellationToken);
            var task = instance is null ? null : InstanceState.FromJson(instance.State).FindTask(row.TaskKey);
            if (instance is null || task is null || task.DueAt != row.DueAt || row.Level < task.EscalationsDone)
                continue;
            var nomination = db.FindTracked<Domain.Nominations.Nomination>(n => n.Id == instance.NominationId)
                             ?? await db.Nominations.SingleAsync(n => n.Id == instance.NominationId, cancellationToken);
            try
            {
                await workflow.ExecuteAsync(nomination, new Escalate(row.TaskKey, row.Level, row.DueAt), cancellationToken);
            }
            catch (Common.Errors.ConflictException refused) when (refused.Code is RuntimeErrors.EscalationNotDue or RuntimeErrors.AlreadyEscalated)
            {
                // Not for now after all (a clock a moment behind the row's instant): the catch-up sweep retries an undue row.
                if (refused.Code == RuntimeErrors.EscalationNotDue)
                    db.TaskEscalations.Add(new TaskEscalation(row.InstanceId, row.TaskKey, row.Level, row.NominationId, row.EscalateAt, row.DueAt));
                logger.LogInformation("Escalation level {Level} of {Task}: {Code}.", row.Level, row.TaskKey, refused.Code);
                continue;
            }
            await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), "deadline.escalated", task.StepKey, null,
                new { taskId = row.TaskKey, level = row.Level, escalateAt = row.EscalateAt, dueAt = row.DueAt }, cancellationToken);
            performed++;
        }
        return new DueEscalationsSent(rows.Count, performed);
    }
}
