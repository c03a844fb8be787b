using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Units;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Admin.Units;

/// <summary>The organisation tree in depth-first order (parents before their children, siblings by code), with clusters.</summary>
[Allowed(Roles.Administrator)]
public sealed record ListUnits : IQuery<UnitTree>;

public sealed record UnitTree(IReadOnlyList<UnitNode> Units, IReadOnlyList<ClusterItem> Clusters);

public sealed record UnitNode(Guid Id, string Code, string Name, UnitLevel Level, Guid? ParentId, int Depth,
    Guid? ClusterId, string? ClusterName, uint Version);

public sealed record ClusterItem(Guid Id, string Code, string Name);

public sealed class ListUnitsHandler(CommendationsDbContext db) : IRequestHandler<ListUnits, UnitTree>
{
    public async Task<UnitTree> Handle(ListUnits request, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().ToListAsync(cancellationToken);
        var clusters = await db.Clusters.AsNoTracking().OrderBy(c => c.Code).Select(c => new ClusterItem(c.Id, c.Code, c.Name)).ToListAsync(cancellationToken);
        var clusterNames = clusters.ToDictionary(c => c.Id, c => c.Name);
        var children = units.ToLookup(u => u.ParentId);
        var ids = units.Select(u => u.Id).ToHashSet();
        var result = new List<UnitNode>();
        void Visit(OrganisationUnit unit, int depth)
        {
            result.Add(new UnitNode(unit.Id, unit.Code, unit.Name, unit.Level, unit.ParentId, depth, unit.ClusterId,
                unit.ClusterId is { } c ? clusterNames.GetValueOrDefault(c) : null, unit.Version));
            foreach (var child in children[unit.Id].OrderBy(u => u.Code, StringComparer.Ordinal))
                Visit(child, depth + 1);
        }
        foreach (var root in units.Where(u => u.ParentId is null || !ids.Contains(u.ParentId.Value)).OrderBy(u => u.Code, StringComparer.Ordinal))
            Visit(root, 0);
        return new UnitTree(result, clusters);
    }
}
