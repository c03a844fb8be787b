using Commendations.Common.Text;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Registry;

/// <summary>
/// A person's or a collective's history of awards, oldest first, starting from one of their registry lines. Each dossier
/// records its nominee afresh, so the same nominee in other years is recognised by the same person or collective record,
/// or by the same kind, name and unit.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record GetAwardHistory(Guid AwardRecordId) : IQuery<AwardHistory>;

public sealed record AwardHistory(string NomineeName, NomineeKind Kind, string UnitName, IReadOnlyList<RegistryLine> Awards);

public sealed class GetAwardHistoryHandler(CommendationsDbContext db) : IRequestHandler<GetAwardHistory, AwardHistory>
{
    public async Task<AwardHistory> Handle(GetAwardHistory request, CancellationToken cancellationToken)
    {
        var line = await db.AwardRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.AwardRecordId, cancellationToken)
                   ?? throw new NotFoundException(Things.RegistryEntry);
        // The nominee's own awards: the same identity (a person or collective across nominations), or, for a line written
        // before identities existed and not linked since, the same record.
        var lines = await db.AwardRecords.AsNoTracking()
            .Where(r => r.Id == line.Id
                        || (line.NomineeIdentityId != null && r.NomineeIdentityId == line.NomineeIdentityId)
                        || (line.PersonId != null && r.PersonId == line.PersonId)
                        || (line.CollectiveId != null && r.CollectiveId == line.CollectiveId))
            .OrderBy(r => r.DecisionDate).ThenBy(r => r.RegisterNumber)
            .ToListAsync(cancellationToken);
        return new AwardHistory(line.NomineeName, line.Kind, line.UnitName,
            await SignedDecisions.MarkAsync(db, lines.Select(RegistryLine.Of).ToList(), cancellationToken));
    }
}
