using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Commendations.Audit;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Definitions;

/// <summary>What every definition use case shares: loading a version, validation context, audit.</summary>
public sealed class DefinitionAdmin(CommendationsDbContext db, AuditTrail audit, OrganisationFacts organisation, Workflow.DefinitionCache definitions)
{
    public static string Stream(string definitionId) => $"workflow:{definitionId}";


    public async Task<WorkflowDefinitionRecord> VersionAsync(string definitionId, int version, CancellationToken cancellationToken) =>
        await db.WorkflowDefinitions.SingleOrDefaultAsync(d => d.DefinitionId == definitionId && d.Version == version, cancellationToken)
        ?? throw new NotFoundException(Things.DefinitionVersion);

    /// <summary>The version new nominations follow (the latest published), or null when none is published.</summary>
    public Task<int?> LatestPublishedAsync(string definitionId, CancellationToken cancellationToken) =>
        db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId && d.Status == DefinitionStatus.Published)
            .MaxAsync(d => (int?)d.Version, cancellationToken);

    /// <summary>
    /// Today's organisation — roles and who holds them where, configured scopes, committees with their members, chair
    /// and secretary — with the meanings the application relies on required: what publishes cannot strand a nomination.
    /// The published definitions make sub-route calls checkable (the callee is published, no cycle, every result has a
    /// transition).
    /// </summary>
    public async Task<ValidationContext> ContextAsync(CancellationToken cancellationToken) =>
        (await organisation.ReadAsync(cancellationToken)).ToValidationContext() with
        {
            PublishedDefinitions = await definitions.PublishedAsync(cancellationToken),
        };

    /// <summary>What a simulation of <paramref name="definition"/> may call: the latest published version of each callee.</summary>
    public Task<CalleeDefinitions> CalleesAsync(WorkflowDefinition definition, CancellationToken cancellationToken) =>
        definitions.CalleesAsync(definition, null, cancellationToken);

    /// <summary>Strict reading: the definition only when it is entirely valid, and every problem otherwise (steps named by title).</summary>
    public async Task<DefinitionValidation> ValidateAsync(string content, CancellationToken cancellationToken) =>
        DefinitionValidation.Of(content, await ContextAsync(cancellationToken));

    /// <summary>Lenient reading for diffs: a draft that does not validate yet can still be compared if its shape reads.</summary>
    public static WorkflowDefinition ReadForComparison(WorkflowDefinitionRecord record)
    {
        var strict = WorkflowDefinitionParser.Parse(record.Content);
        if (strict.Definition is { } valid)
            return valid;
        try
        {
            return JsonSerializer.Deserialize<WorkflowDefinition>(record.Content, WorkflowJson.Options)
                   ?? throw new InputException("content", new Message("Định nghĩa quy trình trống."));
        }
        catch (JsonException ex)
        {
            throw new InputException($"v{record.Version}", new Message("Không đọc được phiên bản {0} để so sánh: {1}", record.Version, JsonProblems.Describe(ex)));
        }
    }

    public static string HashOf(string content) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content))).ToLowerInvariant();

    public Task AuditAsync(string definitionId, string action, string? comment, object data, CancellationToken cancellationToken) =>
        audit.RecordAsync(Stream(definitionId), action, null, comment, data, cancellationToken);
}
