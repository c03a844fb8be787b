using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Nominations;

public sealed record WorkWaitingCount(int Count);

/// <summary>
/// How many items "Việc cần xử lý" lists for the signed-in user (the menu's count): the same open tasks as
/// <see cref="GetInbox"/> — assigned to them, or to their role in their unit. For an officer these are the unit's drafts
/// and returned dossiers to fix (both wait at the proposal, the unit's task); for a reviewer, the steps at their turn.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record GetWorkWaitingCount : IQuery<WorkWaitingCount>;

public sealed class GetWorkWaitingCountHandler(CommendationsDbContext db, ICurrentUser user, Substitutions.CoveredTasks covered)
    : IRequestHandler<GetWorkWaitingCount, WorkWaitingCount>
{
    public async Task<WorkWaitingCount> Handle(GetWorkWaitingCount request, CancellationToken cancellationToken)
    {
        var roles = user.Roles.ToList();
        var open = db.Tasks.AsNoTracking().Where(t => t.Status == WorkflowTaskStatus.Open);
        // The two halves GetInbox reads (each on its own partial index); a task is never both the user's and their role's.
        var mine = await open.CountAsync(t => t.AssigneeUserId == user.UserId, cancellationToken);
        var myRole = await open.CountAsync(t => t.AssigneeRole != null && roles.Contains(t.AssigneeRole) && t.AssigneeUnitId == user.UnitId, cancellationToken);
        // Plus the tasks of people I cover while they are away, as the inbox lists them (Features/Substitutions).
        return new WorkWaitingCount(mine + myRole + await covered.CountAsync(user.UserId, cancellationToken));
    }
}
