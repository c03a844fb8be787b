using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Workflow;

/// <summary>
/// At start-up, the shipped definition files are imported as published versions when their id+version is absent.
/// A file that differs from the published version with the same id+version is an error: published versions are
/// immutable, and running instances depend on them. An invalid file is an error too; nothing is half-imported.
/// </summary>
public static class WorkflowFileImporter
{
    public const string SystemAuthor = "workflows/ (shipped)";

    public static async Task<int> ImportAsync(CommendationsDbContext db, string folder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
            throw new InvalidOperationException($"The workflow folder {folder} does not exist.");

        var problems = new List<string>();
        var parsed = new List<(string File, WorkflowDefinition Definition)>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Where(f => Path.GetFileName(f) != "schema.json").Order())
        {
            var result = WorkflowDefinitionParser.Parse(await File.ReadAllTextAsync(file, cancellationToken));
            if (result.Definition is { } definition)
                parsed.Add((file, definition));
            else
                problems.AddRange(result.Problems.Select(p => $"{Path.GetFileName(file)}: {p.Path}: {p.Message}"));
        }

        var imported = 0;
        foreach (var (file, definition) in parsed)
        {
            var hash = WorkflowDefinitionSerializer.ContentHash(definition);
            var existing = await db.WorkflowDefinitions.AsNoTracking()
                .SingleOrDefaultAsync(d => d.DefinitionId == definition.Id && d.Version == definition.Version, cancellationToken);
            if (existing is null)
            {
                var record = new WorkflowDefinitionRecord(definition.Id, definition.Version, definition.Name,
                    WorkflowDefinitionSerializer.Serialize(definition), hash, SystemAuthor, now);
                record.Publish(SystemAuthor, now);
                db.WorkflowDefinitions.Add(record);
                imported++;
            }
            else if (existing.ContentHash != hash)
            {
                problems.Add($"{Path.GetFileName(file)}: {definition.Id} v{definition.Version} differs from the version already stored " +
                             "(published versions are immutable): give the changed file a new version number.");
            }
        }
        if (problems.Count > 0)
            throw new InvalidOperationException("Workflow definitions could not be imported:\n  " + string.Join("\n  ", problems));
        await db.SaveChangesAsync(cancellationToken);
        return imported;
    }
}
