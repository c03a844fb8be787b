using Commendations.Common.Text;
using System.Collections.Concurrent;
using System.Text.Json;
using Commendations.Common.Errors;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Workflow;

/// <summary>
/// Parsed definitions by id and version. A published version never changes, so it is parsed once per process (and per
/// database: test processes hold many); which version is the latest published is read from the database every time.
/// </summary>
public sealed class DefinitionCache(CommendationsDbContext db)
{
    private static readonly ConcurrentDictionary<(string Database, string Id, int Version), WorkflowDefinition> Parsed = new();

    public async Task<WorkflowDefinition> GetAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        var key = (db.Database.GetDbConnection().Database, definitionId, version);
        if (Parsed.TryGetValue(key, out var cached))
            return cached;
        var record = await db.WorkflowDefinitions.AsNoTracking()
                         .SingleOrDefaultAsync(d => d.DefinitionId == definitionId && d.Version == version, cancellationToken)
                     ?? throw new NotFoundException(Things.DefinitionVersion);
        var definition = Parse(record);
        if (record.Status != DefinitionStatus.Draft)
            Parsed.TryAdd(key, definition);
        return definition;
    }

    public async Task<WorkflowDefinition> LatestPublishedAsync(string definitionId, CancellationToken cancellationToken)
    {
        var version = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId && d.Status == DefinitionStatus.Published)
            .MaxAsync(d => (int?)d.Version, cancellationToken)
            ?? throw new ConflictException("no-published-workflow", await NoPublishedVersionAsync(definitionId, cancellationToken));
        return await GetAsync(definitionId, version, cancellationToken);
    }

    /// <summary>The route by its name when a draft or retired version has one; a route never imported has none to show.</summary>
    private async Task<Message> NoPublishedVersionAsync(string definitionId, CancellationToken cancellationToken)
    {
        var name = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.DefinitionId == definitionId).OrderByDescending(d => d.Version)
            .Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(name)
            ? new Message("Quy trình chưa có phiên bản được ban hành.")
            : new Message("Quy trình “{0}” chưa có phiên bản được ban hành.", name);
    }

    /// <summary>
    /// What sub-route steps may call during a transition of <paramref name="definition"/> (the engine loads nothing): the
    /// versions <paramref name="state"/> is pinned to, each fixed version, and the latest published version of every id
    /// called without one — transitively through the callees. Nothing is read for a definition without sub-routes.
    /// </summary>
    public async Task<CalleeDefinitions> CalleesAsync(WorkflowDefinition definition, InstanceState? state, CancellationToken cancellationToken)
    {
        if (state?.Progress is not SubRouteProgress && !definition.Steps.Any(s => s is SubRouteStep))
            return CalleeDefinitions.Empty;
        var latest = new Dictionary<string, WorkflowDefinition>(StringComparer.Ordinal);
        var others = new List<WorkflowDefinition>();
        var queue = new Queue<WorkflowDefinition>();
        queue.Enqueue(definition);
        for (var nested = state; nested?.Progress is SubRouteProgress pinned; nested = pinned.State)
        {
            if (await FindPublishedAsync(pinned.DefinitionId, pinned.Version, cancellationToken) is { } running)
            {
                others.Add(running);
                queue.Enqueue(running);
            }
        }
        var seen = new HashSet<(string, int)>();
        while (queue.TryDequeue(out var current))
        {
            if (!seen.Add((current.Id, current.Version)))
                continue;
            foreach (var step in current.Steps.OfType<SubRouteStep>())
            {
                WorkflowDefinition? callee;
                if (step.Version is { } version)
                {
                    callee = await FindPublishedAsync(step.Definition, version, cancellationToken);
                    if (callee is not null)
                        others.Add(callee);
                }
                else if (!latest.TryGetValue(step.Definition, out callee)
                         && await LatestPublishedVersionAsync(step.Definition, cancellationToken) is { } newest)
                {
                    latest[step.Definition] = callee = await GetAsync(step.Definition, newest, cancellationToken);
                }
                if (callee is not null)
                    queue.Enqueue(callee);
            }
        }
        return new CalleeDefinitions(latest.Values, others);
    }

    /// <summary>Every published version (for validating calls between definitions), the latest of each id marked as such.</summary>
    public async Task<CalleeDefinitions> PublishedAsync(CancellationToken cancellationToken)
    {
        var versions = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.Status == DefinitionStatus.Published)
            .Select(d => new { d.DefinitionId, d.Version }).ToListAsync(cancellationToken);
        var latest = new List<WorkflowDefinition>();
        var others = new List<WorkflowDefinition>();
        foreach (var group in versions.GroupBy(v => v.DefinitionId))
        {
            var newest = group.Max(v => v.Version);
            foreach (var v in group)
                (v.Version == newest ? latest : others).Add(await GetAsync(v.DefinitionId, v.Version, cancellationToken));
        }
        return new CalleeDefinitions(latest, others);
    }

    private async Task<int?> LatestPublishedVersionAsync(string definitionId, CancellationToken cancellationToken) =>
        await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId && d.Status == DefinitionStatus.Published)
            .MaxAsync(d => (int?)d.Version, cancellationToken);

    /// <summary>A version that is (or was) published; null for a draft or a version that does not exist.</summary>
    private async Task<WorkflowDefinition?> FindPublishedAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        if (Parsed.TryGetValue((db.Database.GetDbConnection().Database, definitionId, version), out var cached))
            return cached;
        var exists = await db.WorkflowDefinitions.AsNoTracking()
            .AnyAsync(d => d.DefinitionId == definitionId && d.Version == version && d.Status != DefinitionStatus.Draft, cancellationToken);
        return exists ? await GetAsync(definitionId, version, cancellationToken) : null;
    }

    /// A published version was valid under the rules of its day; rules added since apply at the next publication, never
    /// to instances already running on it, so a stored version that no longer passes today's rules is read by its shape.
    /// </summary>
    private static WorkflowDefinition Parse(WorkflowDefinitionRecord record)
    {
        var result = WorkflowDefinitionParser.Parse(record.Content);
        if (result.Definition is { } definition)
            return definition;
        if (record.Status != DefinitionStatus.Draft)
        {
            try
            {
                if (JsonSerializer.Deserialize<WorkflowDefinition>(record.Content, WorkflowJson.Options) is { } shape)
                    return shape;
            }
            catch (JsonException)
            {
                // Reported below with the strict reading's problems.
            }
        }
        throw new InvalidOperationException(
            $"Stored workflow {record.DefinitionId} v{record.Version} is invalid: {string.Join("; ", result.Problems.Select(p => $"{p.Path}: {p.Message}"))}");
    }
}
