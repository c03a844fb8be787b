using Commendations.Common;
using Commendations.Common.Security;
using MediatR;

namespace Commendations.Features.Incidents;

/// <summary>The incident sweep: the scheduler (as the system) every few minutes; an administrator may ask for one at once.</summary>
[Allowed(Roles.Administrator)]
public sealed record SweepIncidents : ICommand<IncidentSweep>;

public sealed class SweepIncidentsHandler(IncidentDetector detector) : IRequestHandler<SweepIncidents, IncidentSweep>
{
    public Task<IncidentSweep> Handle(SweepIncidents request, CancellationToken cancellationToken) => detector.SweepAsync(cancellationToken);
}

/// <summary>How many incidents are open (the administration page and the dashboard show it).</summary>
[Allowed(Roles.Administrator)]
public sealed record CountOpenIncidents : IQuery<int>;

public sealed class CountOpenIncidentsHandler(Persistence.CommendationsDbContext db) : IRequestHandler<CountOpenIncidents, int>
{
    public Task<int> Handle(CountOpenIncidents request, CancellationToken cancellationToken) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Incidents.Where(i => i.ResolvedAt == null), cancellationToken);
}
