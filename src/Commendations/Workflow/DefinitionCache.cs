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
                     ?? throw new NotFoundException("Workflow definition", $"{definitionId} v{version}");
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
            ?? throw new ConflictException("no-published-workflow", $"Workflow '{definitionId}' has no published version.");
        return await GetAsync(definitionId, version, cancellationToken);
    }

    /// <summary>
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
