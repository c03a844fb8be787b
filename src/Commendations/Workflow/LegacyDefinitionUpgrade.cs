using System.Text.Json;
using Commendations.Audit;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Features.Definitions;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Workflow;

/// <summary>
/// At start-up, every stored version written before meanings existed is annotated once by <see cref="LegacyMeanings"/>.
/// Honesty is kept three ways: the annotated version, stripped of meanings and names, must hash exactly like the
/// original stripped likewise (the routing is untouched, or start-up stops); a version whose annotation would not
/// validate is left as it is and recorded as skipped; and each version's outcome is a row of <c>definition_upgrades</c>
/// (hashes before and after, every addition) plus an audit entry in the definition's stream, so it happens once and
/// can be checked.
/// </summary>
public static class LegacyDefinitionUpgrade
{
    public static async Task<int> RunAsync(CommendationsDbContext db, AuditTrail audit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var done = await db.DefinitionUpgrades.Where(u => u.Kind == DefinitionUpgrade.LegacyMeanings).Select(u => u.RecordId).ToListAsync(cancellationToken);
        var records = await db.WorkflowDefinitions.Where(r => !done.Contains(r.Id)).OrderBy(r => r.DefinitionId).ThenBy(r => r.Version)
            .ToListAsync(cancellationToken);
        var annotated = 0;
        foreach (var record in records)
        {
            var fromHash = record.ContentHash;
            var (outcome, toHash, changes) = Upgrade(record);
            db.DefinitionUpgrades.Add(new DefinitionUpgrade(record, DefinitionUpgrade.LegacyMeanings, outcome, fromHash, toHash,
                JsonSerializer.Serialize(changes), now));
            if (outcome != Annotated)
                continue;
            annotated++;
            await audit.RecordAsync(DefinitionAdmin.Stream(record.DefinitionId), "definition.meanings-annotated", null, null,
                new { version = record.Version, fromHash, toHash, changes }, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return annotated;
    }

    public const string Annotated = "annotated";
    public const string NothingToAnnotate = "nothing-to-annotate";
    public const string Skipped = "skipped";

    private static (string Outcome, string ToHash, IReadOnlyList<string> Changes) Upgrade(WorkflowDefinitionRecord record)
    {
        var strict = WorkflowDefinitionParser.Parse(record.Content);
        // A published version valid under the rules of its day is read by its shape (as DefinitionCache reads it); a
        // draft is kept exactly as written until it validates.
        var original = strict.Definition ?? (record.Status == DefinitionStatus.Draft ? null : ReadShape(record.Content));
        if (original is null)
            return (Skipped, record.ContentHash, ["Not read: " + string.Join("; ", strict.Problems.Take(5).Select(p => p.ToString()))]);
        var (upgraded, changes) = LegacyMeanings.Annotate(original);
        if (changes.Count == 0)
            return (NothingToAnnotate, record.ContentHash, []);
        if (WorkflowDefinitionSerializer.ContentHash(LegacyMeanings.Strip(upgraded)) != WorkflowDefinitionSerializer.ContentHash(LegacyMeanings.Strip(original)))
            throw new InvalidOperationException($"Annotating {record.DefinitionId} v{record.Version} would change more than meanings and names; nothing was changed.");
        var content = WorkflowDefinitionSerializer.Serialize(upgraded);
        // The annotation may not add a problem the version did not have already (a meaning's rule it breaks).
        var added = WorkflowDefinitionParser.Parse(content).Problems.Except(strict.Problems).ToList();
        if (added.Count > 0)
            return (Skipped, record.ContentHash, [.. changes, "Not applied: the annotated version would not validate: " +
                                                              string.Join("; ", added.Take(5).Select(p => p.ToString()))]);
        // Drafts keep the hash of their text; stored published versions the hash of their canonical content.
        var hash = record.Status == DefinitionStatus.Draft ? DefinitionAdmin.HashOf(content) : WorkflowDefinitionSerializer.ContentHash(upgraded);
        record.AnnotateForUpgrade(content, hash);
        return (Annotated, hash, changes);
    }

    private static WorkflowDefinition? ReadShape(string content)
    {
        try
        {
            return JsonSerializer.Deserialize<WorkflowDefinition>(content, WorkflowJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
