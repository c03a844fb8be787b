using Commendations.Common.Security;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Definitions;

/// <summary>Retires a published version: no new nomination starts on it; those running on it carry on (or are migrated).</summary>
[Allowed(Roles.Administrator)]
public sealed record RetireDefinition(string DefinitionId, int Version) : ICommand<Unit>;

public sealed class RetireDefinitionHandler(CommendationsDbContext db, DefinitionAdmin admin, TimeProvider clock) : IRequestHandler<RetireDefinition, Unit>
{
    public async Task<Unit> Handle(RetireDefinition request, CancellationToken cancellationToken)
    {
        var record = await admin.VersionAsync(request.DefinitionId, request.Version, cancellationToken);
        if (record.Status != DefinitionStatus.Published)
            throw new ConflictException("not-published", $"{record.DefinitionId} v{record.Version} is {record.Status}; only a published version can be retired.");
        var othersPublished = await db.WorkflowDefinitions.AnyAsync(d => d.DefinitionId == record.DefinitionId && d.Version != record.Version
                                                                         && d.Status == DefinitionStatus.Published, cancellationToken);
        var usedByCampaigns = await db.Campaigns.AnyAsync(c => c.Awards.Any(a => a.WorkflowDefinitionId == record.DefinitionId), cancellationToken);
        if (!othersPublished && usedByCampaigns)
            throw new ConflictException("last-published", $"v{record.Version} is the only published version of {record.DefinitionId} and campaigns route nominations with it: publish another version first.");
        record.Retire(clock.GetUtcNow());
        await admin.AuditAsync(record.DefinitionId, "definition.retired", null, new { version = record.Version }, cancellationToken);
        return Unit.Value;
    }
}
