using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Nominations;

/// <summary>The tasks where it is my turn: assigned to me, or to my role in my unit; soonest due first.</summary>
[Allowed(Audience.SignedIn)]
public sealed record GetInbox : IQuery<IReadOnlyList<InboxItem>>;

public sealed record InboxItem(
    Guid TaskId, Guid NominationId, string NomineeName, string CampaignCode, string StepKey, int Round,
    DateTimeOffset OpenedAt, DateTimeOffset DueAt, bool Overdue);

public sealed class GetInboxHandler(CommendationsDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetInbox, IReadOnlyList<InboxItem>>
{
    private const int Limit = 500;

    public async Task<IReadOnlyList<InboxItem>> Handle(GetInbox request, CancellationToken cancellationToken)
    {
        var roles = user.Roles.ToList();
        var now = clock.GetUtcNow();
        var open = db.Tasks.AsNoTracking().Where(t => t.Status == WorkflowTaskStatus.Open);
        // Two index-friendly halves (each matches one partial index), not one OR that defeats both (measured: issue 9).
        var mine = open.Where(t => t.AssigneeUserId == user.UserId).OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(Limit);
        var myRole = open.Where(t => t.AssigneeRole != null && roles.Contains(t.AssigneeRole) && t.AssigneeUnitId == user.UnitId)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(Limit);
        return await mine.Concat(myRole)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
            .Take(Limit)
            .Join(db.Nominations, t => t.NominationId, n => n.Id, (t, n) => new { t, n })
            .Join(db.Campaigns, x => x.n.CampaignId, c => c.Id, (x, c) => new InboxItem(
                x.t.Id, x.n.Id, x.n.NomineeName, c.Code, x.t.StepKey, x.t.Round, x.t.OpenedAt, x.t.DueAt, x.t.DueAt < now))
            .ToListAsync(cancellationToken);
    }
}
