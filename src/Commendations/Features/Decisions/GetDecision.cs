using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Domain.Units;
using Commendations.Features.Nominations;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Decisions;

/// <summary>
/// An award decision with its awardees, as printed: issuing authority, number, date, signer, citation and the list.
/// Decisions are published, so every signed-in user may read one; an officer sees the whole list, as on paper.
/// </summary>
public sealed record GetDecision(Guid DecisionId) : IQuery<DecisionDetail>;

public sealed record DecisionDetail(
    Guid Id, string Number, DateOnly Date, string SignerName, string SignerTitle, string Citation,
    string IssuerName, string Place, DateTimeOffset IssuedAt, IReadOnlyList<DecisionAwardee> Awardees);

public sealed record DecisionAwardee(Guid NominationId, string NomineeName, NomineeKind Kind, string UnitName, string AwardFormName, string CampaignName);

public sealed class GetDecisionHandler(CommendationsDbContext db, ICurrentUser user) : IRequestHandler<GetDecision, DecisionDetail>
{
    public async Task<DecisionDetail> Handle(GetDecision request, CancellationToken cancellationToken)
    {
        if (!user.IsAuthenticated)
            throw new ForbiddenException("Sign in to read decisions.");
        var decision = await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.DecisionId, cancellationToken)
                       ?? throw new NotFoundException("Decision", request.DecisionId);
        var awardees = await db.Nominations.AsNoTracking().Where(n => n.DecisionId == decision.Id)
            .Join(db.Units, n => n.UnitId, u => u.Id, (n, u) => new { n, UnitName = u.Name })
            .Join(db.AwardForms, x => x.n.AwardFormId, a => a.Id, (x, a) => new { x.n, x.UnitName, AwardFormName = a.Name })
            .Join(db.Campaigns, x => x.n.CampaignId, c => c.Id, (x, c) => new DecisionAwardee(
                x.n.Id, x.n.NomineeName, x.n.Kind, x.UnitName, x.AwardFormName, c.Name))
            .ToListAsync(cancellationToken);
        // Collectives first, then individuals, each alphabetical: the usual order of an awardee list.
        var ordered = awardees.OrderBy(a => a.Kind == NomineeKind.Individual ? 1 : 0).ThenBy(a => a.NomineeName, StringComparer.Create(new("vi-VN"), true)).ToList();

        var issuer = await db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.Province).OrderBy(u => u.Code)
            .Select(u => u.Name).FirstOrDefaultAsync(cancellationToken) ?? decision.IssuingBody;
        return new DecisionDetail(decision.Id, decision.Number, decision.Date, decision.SignerName, decision.SignerTitle, decision.Citation,
            issuer, PlaceOf(issuer), decision.IssuedAt, ordered);
    }

    /// <summary>"Ủy ban nhân dân tỉnh Lam Giang" is dated at "Lam Giang".</summary>
    public static string PlaceOf(string issuer)
    {
        var at = issuer.LastIndexOf("tỉnh ", StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? issuer[(at + "tỉnh ".Length)..].Trim() : issuer;
    }
}
