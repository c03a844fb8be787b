using System.Text.Json;
using System.Text.Json.Nodes;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Commendations.Common.Behaviours;
using Commendations.Common.Text;

namespace Commendations.Features.Definitions;

/// <summary>
/// A new draft version: a copy of an existing version (to edit it, or to roll back to it), or an imported file.
/// The draft always takes the next version number of its definition, whatever the source document says.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record CreateDraft(string DefinitionId, int? FromVersion, string? ImportedContent) : ICommand<DraftCreated>;

public sealed record DraftCreated(string DefinitionId, int Version);

public sealed class CreateDraftValidator : AbstractValidator<CreateDraft>
{
    public CreateDraftValidator()
    {
        RuleFor(c => c.DefinitionId).NotEmpty().MaximumLength(80).Matches("^[a-z0-9]+(-[a-z0-9]+)*$")
            .WithMessage(new Message("Mã quy trình gồm chữ thường không dấu, chữ số và gạch nối, ví dụ bang-khen-chuyen-de."));
        RuleFor(c => c).Must(c => (c.FromVersion is null) != (c.ImportedContent is null))
            .OverridePropertyName("fromVersion").WithMessage(new Message("Chọn phiên bản để sao chép hoặc tệp quy trình để nhập (một trong hai)."));
        RuleFor(c => c.ImportedContent).MaximumLength(DefinitionLimits.MaxDocumentLength);
    }
}

public sealed class CreateDraftHandler(CommendationsDbContext db, DefinitionAdmin admin, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<CreateDraft, DraftCreated>
{
    public async Task<DraftCreated> Handle(CreateDraft request, CancellationToken cancellationToken)
    {
        var source = request.FromVersion is { } from
            ? (await admin.VersionAsync(request.DefinitionId, from, cancellationToken)).Content
            : request.ImportedContent!;
        var next = (await db.WorkflowDefinitions.Where(d => d.DefinitionId == request.DefinitionId).MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0) + 1;
        var content = Renumber(source, request.DefinitionId, next);
        var name = JsonNode.Parse(content)!["name"]?.GetValue<string>() ?? request.DefinitionId;

        db.WorkflowDefinitions.Add(new WorkflowDefinitionRecord(request.DefinitionId, next, name, content, DefinitionAdmin.HashOf(content), user.DisplayName, clock.GetUtcNow()));
        await admin.AuditAsync(request.DefinitionId, request.FromVersion is null ? "definition.imported" : "definition.draft-created", null,
            new { version = next, fromVersion = request.FromVersion }, cancellationToken);
        return new DraftCreated(request.DefinitionId, next);
    }

    /// <summary>Sets the id and version inside the document, keeping everything else as written.</summary>
    private static string Renumber(string content, string definitionId, int version)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(content);
        }
        catch (JsonException ex)
        {
            throw new InputException("content", JsonProblems.Describe(ex));
        }
        if (node is not JsonObject document)
            throw new InputException("content", new Message("Định nghĩa quy trình phải là một đối tượng JSON."));
        if (document["id"] is JsonValue id && id.TryGetValue<string>(out var given) && given != definitionId)
            throw new InputException("content", new Message("Tệp này là quy trình {0}, không phải {1}.", given, definitionId));
        document["id"] = definitionId;
        document["version"] = version;
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
