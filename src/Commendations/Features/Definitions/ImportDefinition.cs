using System.Text.Json;
using System.Text.Json.Nodes;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using MediatR;

namespace Commendations.Features.Definitions;

/// <summary>An uploaded definition file becomes a new draft of the definition its "id" names (the next version number).</summary>
[Allowed(Roles.Administrator)]
public sealed record ImportDefinition(string Content) : ICommand<DraftCreated>;

public sealed class ImportDefinitionHandler(IMediator mediator) : IRequestHandler<ImportDefinition, DraftCreated>
{
    public async Task<DraftCreated> Handle(ImportDefinition request, CancellationToken cancellationToken) =>
        await mediator.Send(new CreateDraft(DefinitionIdOf(request.Content), null, request.Content), cancellationToken);

    private static string DefinitionIdOf(string content)
    {
        try
        {
            return (JsonNode.Parse(content)?["id"] as JsonValue)?.TryGetValue<string>(out var id) == true && id.Length > 0
                ? id
                : throw new InputException("file", new Message("Tệp không có mã quy trình (\"id\")."));
        }
        catch (JsonException ex)
        {
            throw new InputException("file", new Message("Tệp không phải JSON hợp lệ (dòng {0}).", (ex.LineNumber ?? 0) + 1));
        }
    }
}
