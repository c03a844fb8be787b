using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Persistence;
using MediatR;

namespace Commendations.Features.Definitions;

/// <summary>
/// Roll back = publish an old version's content again as a new version (history is never rewritten): a draft copied
/// from it, then its publication, in one transaction — a refused publication leaves no orphan draft behind. With four
/// eyes on, the publication is requested and waits for a second administrator like any other.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record RollBackDefinition(string DefinitionId, int ToVersion) : ICommand<RolledBack>;

public sealed record RolledBack(int Version, PublicationOutcome Publication);

public sealed class RollBackDefinitionHandler(IMediator mediator, CommendationsDbContext db) : IRequestHandler<RollBackDefinition, RolledBack>
{
    public async Task<RolledBack> Handle(RollBackDefinition request, CancellationToken cancellationToken)
    {
        // Both run inside this command's transaction (the pipeline opens none of its own when one is open).
        var draft = await mediator.Send(new CreateDraft(request.DefinitionId, request.ToVersion, null), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var publication = await mediator.Send(new PublishDefinition(request.DefinitionId, draft.Version), cancellationToken);
        return new RolledBack(draft.Version, publication);
    }
}
