using Commendations.Common.Security;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Commendations.Common.Text;

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
            throw new ConflictException("not-published", new Message("Phiên bản {0} đang ở trạng thái “{1}”; chỉ ngừng dùng được phiên bản đã ban hành.",
                record.Version, Names.DefinitionStatus(record.Status)));
        var othersPublished = await db.WorkflowDefinitions.AnyAsync(d => d.DefinitionId == record.DefinitionId && d.Version != record.Version
                                                                         && d.Status == DefinitionStatus.Published, cancellationToken);
        var usedByCampaigns = await db.Campaigns.AnyAsync(c => c.Awards.Any(a => a.WorkflowDefinitionId == record.DefinitionId), cancellationToken);
        if (!othersPublished && usedByCampaigns)
            throw new ConflictException("last-published", new Message("Phiên bản {0} là phiên bản ban hành duy nhất của quy trình “{1}” và các phong trào đang xét hồ sơ theo nó: hãy ban hành một phiên bản khác trước.",
                record.Version, record.Name));
        record.Retire(clock.GetUtcNow());
        await admin.AuditAsync(record.DefinitionId, "definition.retired", null, new { version = record.Version }, cancellationToken);
        return Unit.Value;
    }
}
