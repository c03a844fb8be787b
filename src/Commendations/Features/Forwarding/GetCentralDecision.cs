using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Features.Nominations;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Forwarding;

/// <summary>The decision taken above the province for a nomination, as recorded in the registry; null when there is none. For whoever may read the nomination.</summary>
[Allowed(Audience.SignedIn)]
public sealed record GetCentralDecision(Guid NominationId) : IQuery<CentralDecisionView?>;

public sealed record CentralDecisionView(string DecisionNumber, DateOnly DecisionDate, string IssuingAuthority, string AwardFormName, string RegisterNumber, Guid AwardRecordId);

public sealed class GetCentralDecisionHandler(CommendationsDbContext db, NominationAccess access) : IRequestHandler<GetCentralDecision, CentralDecisionView?>
{
    public async Task<CentralDecisionView?> Handle(GetCentralDecision request, CancellationToken cancellationToken)
    {
        await access.ReadableAsync(request.NominationId, cancellationToken);
        return await db.AwardRecords.AsNoTracking()
            .Where(r => r.NominationId == request.NominationId && r.CentralAuthority != null && r.RevokedAt == null)
            .OrderByDescending(r => r.RecordedAt)
            .Select(r => new CentralDecisionView(r.DecisionNumber, r.DecisionDate, r.CentralAuthority!, r.AwardFormName, r.RegisterNumber, r.Id))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
