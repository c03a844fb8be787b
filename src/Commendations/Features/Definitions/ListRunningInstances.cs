using Commendations.Common.Security;
using Commendations.Common;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Definitions;

/// <summary>The nominations still running on one version of a definition: the candidates for a migration.</summary>
[Allowed(Roles.Administrator)]
public sealed record ListRunningInstances(string DefinitionId, int Version) : IQuery<IReadOnlyList<RunningInstance>>;

public sealed record RunningInstance(Guid NominationId, string NomineeName, string CampaignCode, string? CurrentStep, DateTimeOffset StartedAt);

public sealed class ListRunningInstancesHandler(CommendationsDbContext db) : IRequestHandler<ListRunningInstances, IReadOnlyList<RunningInstance>>
{
    public async Task<IReadOnlyList<RunningInstance>> Handle(ListRunningInstances request, CancellationToken cancellationToken)
    {
        return await (from i in db.WorkflowInstances.AsNoTracking()
                      where i.DefinitionId == request.DefinitionId && i.DefinitionVersion == request.Version && !i.IsCompleted
                      join n in db.Nominations.AsNoTracking() on i.NominationId equals n.Id
                      join c in db.Campaigns.AsNoTracking() on n.CampaignId equals c.Id
                      orderby i.StartedAt
                      select new RunningInstance(n.Id, n.NomineeName, c.Code, i.CurrentStep, i.StartedAt))
            .Take(500).ToListAsync(cancellationToken);
    }
}
