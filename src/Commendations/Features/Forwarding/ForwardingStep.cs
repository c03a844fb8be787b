using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Nominations;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Forwarding;

/// <summary>A nomination at its definition's forwarding step: the open task there and its award (and rejection) actions.</summary>
public sealed record ForwardingTask(Nomination Nomination, WorkflowTask Task, string AwardAction);

/// <summary>
/// Finds the forwarding step of a nomination by the definition's meaning (never by key) and holds the caller to it: only
/// a user of the role and unit the forwarding task is given to (the provincial commendation office) builds, sends or
/// records; anyone else is refused as if the nomination were not theirs to forward.
/// </summary>
public sealed class ForwardingStep(CommendationsDbContext db, DefinitionSemantics semantics, ICurrentUser user)
{
    public async Task<ForwardingTask> OpenAsync(Guid nominationId, CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.SingleOrDefaultAsync(n => n.Id == nominationId, cancellationToken)
                         ?? throw new NotFoundException(Things.Nomination);
        var forwarding = await AtForwardingAsync(nomination, cancellationToken)
                         ?? throw new ConflictException("not-at-forwarding", new Message("Hồ sơ “{0}” chưa ở bước chuyển lên cấp trên.", nomination.NomineeName));
        if (!IsAssignee(forwarding.Task))
            throw new ForbiddenException(new Message("Chỉ cán bộ của cơ quan được giao chuyển hồ sơ lên cấp trên mới thực hiện được việc này."));
        return forwarding;
    }

    /// <summary>Whether the reader is the one to forward this nomination now (the nomination page shows the forwarding tools then).</summary>
    public async Task<bool> IsReadersTurnAsync(Nomination nomination, CancellationToken cancellationToken) =>
        await AtForwardingAsync(nomination, cancellationToken) is { } forwarding && IsAssignee(forwarding.Task);

    private bool IsAssignee(WorkflowTask task) => user.IsInRole(task.AssigneeRole ?? "") && user.UnitId == task.AssigneeUnitId;

    private async Task<ForwardingTask?> AtForwardingAsync(Nomination nomination, CancellationToken cancellationToken)
    {
        var rows = await (from t in db.Tasks
                          join i in db.WorkflowInstances on t.InstanceId equals i.Id
                          where t.NominationId == nomination.Id && t.Status == WorkflowTaskStatus.Open
                          select new { Task = t, i.DefinitionId, i.DefinitionVersion }).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var definition = await semantics.OfAsync(row.DefinitionId, row.DefinitionVersion, cancellationToken);
            if (definition.CentralAwardActionAt(row.Task.StepKey) is { } award)
                return new ForwardingTask(nomination, row.Task, award.Name);
        }
        return null;
    }
}
