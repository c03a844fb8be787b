using Commendations.Common.Text;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Domain.Units;
using Commendations.Features.Decisions;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Registry;

/// <summary>
/// The certificates (bằng khen) of a decision, one per current registry line (not superseded, not revoked), in register
/// order; or the certificate of one line. For printing.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record GetCertificates(Guid DecisionId, Guid? AwardRecordId = null) : IQuery<IReadOnlyList<CertificateView>>;

public sealed record CertificateView(
    Guid AwardRecordId, string RegisterNumber, string NomineeName, NomineeKind Kind, string UnitName, string AwardFormName, string CampaignName,
    string Citation, string DecisionNumber, DateOnly DecisionDate, string SignerName, string SignerTitle, string IssuerName, string Place);

public sealed class GetCertificatesHandler(CommendationsDbContext db) : IRequestHandler<GetCertificates, IReadOnlyList<CertificateView>>
{
    public async Task<IReadOnlyList<CertificateView>> Handle(GetCertificates request, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.DecisionId, cancellationToken)
                       ?? throw new NotFoundException(Things.Decision);
        var query = db.AwardRecords.AsNoTracking().Where(r => r.DecisionId == decision.Id && r.SupersededByDecisionId == null && r.RevokedAt == null);
        if (request.AwardRecordId is { } one)
            query = query.Where(r => r.Id == one);
        var lines = await query.OrderBy(r => r.Sequence).ToListAsync(cancellationToken);
        if (request.AwardRecordId is not null && lines.Count == 0)
            throw new NotFoundException(Things.Certificate);
        var issuer = await db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.Province).OrderBy(u => u.Code)
            .Select(u => u.Name).FirstOrDefaultAsync(cancellationToken) ?? decision.IssuingBody;
        return lines.Select(r => new CertificateView(r.Id, r.RegisterNumber, r.NomineeName, r.Kind, r.UnitName, r.AwardFormName, r.CampaignName,
            decision.Citation, decision.Number, decision.Date, decision.SignerName, decision.SignerTitle, issuer, GetDecisionHandler.PlaceOf(issuer))).ToList();
    }
}
