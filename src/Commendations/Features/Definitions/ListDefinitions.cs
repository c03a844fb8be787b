using Commendations.Common.Security;
using Commendations.Common;
using Commendations.Common.Text;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Definitions;

/// <summary>
/// Every definition (or the one named) with its versions: status, who wrote and published each, and how many nominations
/// run on it.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record ListDefinitions(string? DefinitionId = null) : IQuery<IReadOnlyList<DefinitionSummary>>;

public sealed record DefinitionSummary(string DefinitionId, string Name, int? PublishedVersion, IReadOnlyList<DefinitionVersionSummary> Versions);

public sealed record DefinitionVersionSummary(
    int Version, DefinitionStatus Status, string Name, string Author, DateTimeOffset CreatedAt, string? PublishedBy,
    DateTimeOffset? PublishedAt, string? PublicationRequestedBy, DateTimeOffset? RetiredAt, int RunningInstances, int FinishedInstances)
{
    /// <summary>An administrator's version, or one from a shipped file (<see cref="ShippedVersion"/> is the file's number).</summary>
    public DefinitionOrigin Origin { get; init; }

    public int? ShippedVersion { get; init; }

    /// <summary>Published, but a newer version is published too: it only carries the nominations that started on it.</summary>
    public bool Superseded { get; init; }

    /// <summary>The status in the reader's language ("Đã thay thế" for a superseded version, not "Đang áp dụng").</summary>
    public string StatusName { get; init; } = "";
}

public sealed class ListDefinitionsHandler(CommendationsDbContext db) : IRequestHandler<ListDefinitions, IReadOnlyList<DefinitionSummary>>
{
    public async Task<IReadOnlyList<DefinitionSummary>> Handle(ListDefinitions request, CancellationToken cancellationToken)
    {
        var definitions = db.WorkflowDefinitions.AsNoTracking();
        var instances = db.WorkflowInstances.AsNoTracking();
        if (request.DefinitionId is { } id)
        {
            definitions = definitions.Where(d => d.DefinitionId == id);
            instances = instances.Where(i => i.DefinitionId == id);
        }
        var versions = await definitions.OrderBy(d => d.DefinitionId).ThenByDescending(d => d.Version).ToListAsync(cancellationToken);
        var counts = await instances
            .GroupBy(i => new { i.DefinitionId, i.DefinitionVersion, i.IsCompleted })
            .Select(g => new { g.Key.DefinitionId, g.Key.DefinitionVersion, g.Key.IsCompleted, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(string id, int version, bool completed) =>
            counts.Where(c => c.DefinitionId == id && c.DefinitionVersion == version && c.IsCompleted == completed).Sum(c => c.Count);

        int? Latest(string id) => versions.Where(v => v.DefinitionId == id && v.Status == DefinitionStatus.Published).Select(v => (int?)v.Version).Max();

        return versions.GroupBy(v => v.DefinitionId).Select(g => new DefinitionSummary(
            g.Key,
            g.First().Name,
            g.Where(v => v.Status == DefinitionStatus.Published).Select(v => (int?)v.Version).Max(),
            g.Select(v => new DefinitionVersionSummary(v.Version, v.Status, v.Name, v.Author, v.CreatedAt, v.PublishedBy, v.PublishedAt,
                v.PublicationRequestedBy, v.RetiredAt, Count(v.DefinitionId, v.Version, false), Count(v.DefinitionId, v.Version, true))
            {
                Origin = v.Origin,
                ShippedVersion = v.ShippedVersion,
                Superseded = IsSuperseded(v, Latest(v.DefinitionId)),
                StatusName = Names.DefinitionStatus(v.Status, IsSuperseded(v, Latest(v.DefinitionId))).Format(),
            }).ToList()))
            .ToList();
    }

    /// <summary>Derived, not stored: publishing a newer version leaves the older one published for its running nominations.</summary>
    public static bool IsSuperseded(WorkflowDefinitionRecord version, int? latestPublished) =>
        version.Status == DefinitionStatus.Published && latestPublished is { } latest && latest > version.Version;
}
