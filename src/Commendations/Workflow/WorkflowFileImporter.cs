using Commendations.Audit;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Features.Definitions;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Workflow;

/// <summary>
/// The shipped definition files (workflows/) at start-up. They seed an empty database and offer upgrades; they never
/// collide with versions administrators published:
/// <list type="bullet">
/// <item>a definition the database does not have yet: every shipped version is published under its own number;</item>
/// <item>a version already stored with the same content: nothing to do;</item>
/// <item>otherwise (a new shipped version, or one whose number an administrator already used for other content): it is
/// offered as a draft under its own number if that is free and above every stored one, else under the next number,
/// for an administrator to review and publish.</item>
/// </list>
/// Each (id, file version, content) is remembered in <c>shipped_definition_imports</c>, so it is seeded or offered once,
/// even if the administrator deletes or renumbers the draft. An invalid file is a packaging error and stops start-up;
/// a collision never does.
/// </summary>
public static class WorkflowFileImporter
{
    public const string SystemAuthor = "workflows/ (shipped)";

    public sealed record Outcome(int Published, int Offered);

    public static async Task<Outcome> ImportAsync(CommendationsDbContext db, AuditTrail? audit, string folder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
            throw new InvalidOperationException($"The workflow folder {folder} does not exist.");

        var problems = new List<string>();
        var parsed = new List<(string File, WorkflowDefinition Definition)>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Where(f => Path.GetFileName(f) != "schema.json").Order())
        {
            var result = WorkflowDefinitionParser.Parse(await File.ReadAllTextAsync(file, cancellationToken));
            if (result.Definition is { } definition)
                // A file written before meanings reads as the stored versions of its time do after their upgrade.
                parsed.Add((Path.GetFileName(file), LegacyMeanings.Annotate(definition).Definition));
            else
                problems.AddRange(result.Problems.Select(p => $"{Path.GetFileName(file)}: {p.Path}: {p.Message}"));
        }
        if (problems.Count > 0)
            throw new InvalidOperationException("Workflow definitions could not be imported:\n  " + string.Join("\n  ", problems));

        var published = 0;
        var offered = 0;
        var known = await db.WorkflowDefinitions.Select(d => d.DefinitionId).Distinct().ToListAsync(cancellationToken);
        var seeding = parsed.Select(p => p.Definition.Id).Distinct().Where(id => !known.Contains(id)).ToHashSet();
        foreach (var (file, definition) in parsed.OrderBy(p => p.Definition.Id).ThenBy(p => p.Definition.Version))
        {
            var hash = WorkflowDefinitionSerializer.ContentHash(definition);
            if (await db.ShippedDefinitionImports.AnyAsync(i => i.DefinitionId == definition.Id && i.ShippedVersion == definition.Version && i.ContentHash == hash, cancellationToken))
                continue;
            var stored = await db.WorkflowDefinitions.Where(d => d.DefinitionId == definition.Id).ToListAsync(cancellationToken);
            stored.AddRange(db.ChangeTracker.Entries<WorkflowDefinitionRecord>().Select(e => e.Entity)
                .Where(d => d.DefinitionId == definition.Id && !stored.Contains(d)));

            ShippedImportOutcome outcome;
            int version;
            if (stored.FirstOrDefault(d => d.Version == definition.Version) is { } same && HashOf(same) == hash)
            {
                (outcome, version) = (ShippedImportOutcome.AlreadyPresent, same.Version);
            }
            else if (seeding.Contains(definition.Id))
            {
                (outcome, version) = (ShippedImportOutcome.Published, definition.Version);
                db.WorkflowDefinitions.Add(Record(definition, version, now, publish: true));
                published++;
            }
            else
            {
                var highest = stored.Count == 0 ? 0 : stored.Max(d => d.Version);
                version = definition.Version > highest ? definition.Version : highest + 1;
                outcome = ShippedImportOutcome.Offered;
                db.WorkflowDefinitions.Add(Record(definition with { Version = version }, definition.Version, now, publish: false));
                offered++;
                if (audit is not null)
                    await audit.RecordAsync(DefinitionAdmin.Stream(definition.Id), "definition.shipped-offered", null, null,
                        new { version, shippedVersion = definition.Version, file, hash }, cancellationToken);
            }
            db.ShippedDefinitionImports.Add(new ShippedDefinitionImport(definition.Id, definition.Version, hash, file, outcome, version, now));
        }
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(published, offered);
    }

    private static WorkflowDefinitionRecord Record(WorkflowDefinition definition, int shippedVersion, DateTimeOffset now, bool publish)
    {
        var content = WorkflowDefinitionSerializer.Serialize(definition);
        // Published versions keep the hash of their canonical content; drafts the hash of their text (as the designer saves them).
        var record = new WorkflowDefinitionRecord(definition.Id, definition.Version, definition.Name, content,
            publish ? WorkflowDefinitionSerializer.ContentHash(definition) : DefinitionAdmin.HashOf(content), SystemAuthor, now);
        record.MarkShipped(shippedVersion);
        if (publish)
            record.Publish(SystemAuthor, now);
        return record;
    }

    /// <summary>The content hash of a stored version, whatever its status (drafts store the hash of their text).</summary>
    private static string HashOf(WorkflowDefinitionRecord record)
    {
        if (record.Status != DefinitionStatus.Draft)
            return record.ContentHash;
        var read = WorkflowDefinitionParser.Parse(record.Content).Definition;
        return read is null ? record.ContentHash : WorkflowDefinitionSerializer.ContentHash(read);
    }
}
