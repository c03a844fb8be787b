using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Commendations.Audit;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Definitions;

/// <summary>Publishing rules: with <see cref="RequireSecondApproval"/> a second administrator must approve each publication.</summary>
public sealed class DefinitionPublishingOptions
{
    public bool RequireSecondApproval { get; set; }
}

/// <summary>What every definition use case shares: loading a version, validation context, audit.</summary>
public sealed class DefinitionAdmin(CommendationsDbContext db, AuditTrail audit, Workflow.DefinitionCache definitions)
{
    public static string Stream(string definitionId) => $"workflow:{definitionId}";


    public async Task<WorkflowDefinitionRecord> VersionAsync(string definitionId, int version, CancellationToken cancellationToken) =>
        await db.WorkflowDefinitions.SingleOrDefaultAsync(d => d.DefinitionId == definitionId && d.Version == version, cancellationToken)
        ?? throw new NotFoundException("Workflow definition", $"{definitionId} v{version}");

    /// <summary>
    /// Committee sizes make "M greater than N" and vote rules checkable against today's committees; the published
    /// definitions make sub-route calls checkable (the callee is published, no cycle, every result has a transition).
    /// </summary>
    public async Task<ValidationContext> ContextAsync(CancellationToken cancellationToken)
    {
        var committees = await db.Committees.AsNoTracking().ToListAsync(cancellationToken);
        return new ValidationContext
        {
            CommitteeSizes = committees.ToDictionary(c => c.Code, c => c.Members.Count),
            PublishedDefinitions = await definitions.PublishedAsync(cancellationToken),
        };
    }

    /// <summary>What a simulation of <paramref name="definition"/> may call: the latest published version of each callee.</summary>
    public Task<CalleeDefinitions> CalleesAsync(WorkflowDefinition definition, CancellationToken cancellationToken) =>
        definitions.CalleesAsync(definition, null, cancellationToken);

    /// <summary>Strict reading: the definition only when it is entirely valid, and every problem otherwise.</summary>
    public async Task<DefinitionParseResult> ValidateAsync(string content, CancellationToken cancellationToken) =>
        WorkflowDefinitionParser.Parse(content, await ContextAsync(cancellationToken));

    /// <summary>Lenient reading for diffs: a draft that does not validate yet can still be compared if its shape reads.</summary>
    public static WorkflowDefinition ReadForComparison(WorkflowDefinitionRecord record)
    {
        var strict = WorkflowDefinitionParser.Parse(record.Content);
        if (strict.Definition is { } valid)
            return valid;
        try
        {
            return JsonSerializer.Deserialize<WorkflowDefinition>(record.Content, WorkflowJson.Options)
                   ?? throw new InputException("content", "The definition is empty.");
        }
        catch (JsonException ex)
        {
            throw new InputException($"v{record.Version}", $"{record.DefinitionId} v{record.Version} cannot be read for comparison: {ex.Message}");
        }
    }

    public static string HashOf(string content) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content))).ToLowerInvariant();

    public Task AuditAsync(string definitionId, string action, string? comment, object data, CancellationToken cancellationToken) =>
        audit.RecordAsync(Stream(definitionId), action, null, comment, data, cancellationToken);
}
