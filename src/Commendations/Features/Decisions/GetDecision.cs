using Commendations.Common.Text;
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
[Allowed(Audience.SignedIn)]
public sealed record GetDecision(Guid DecisionId) : IQuery<DecisionDetail>;

public sealed record DecisionDetail(
    Guid Id, string Number, DateOnly Date, string SignerName, string SignerTitle, string Citation,
    string IssuerName, string Place, DateTimeOffset IssuedAt, IReadOnlyList<DecisionAwardee> Awardees)
{
    /// <summary>The decision this one corrects, if any ("sửa đổi, bổ sung Quyết định số …").</summary>
    public Guid? AmendsDecisionId { get; init; }
    public string? AmendsDecisionNumber { get; init; }

    /// <summary>The awardee list as printed: collectives first, then individuals (households with individuals).</summary>
    public IReadOnlyList<DecisionAwardee> Collectives => Awardees.Where(a => a.Kind == NomineeKind.Collective).ToList();
    public IReadOnlyList<DecisionAwardee> Individuals => Awardees.Where(a => a.Kind != NomineeKind.Collective).ToList();
}

public sealed record DecisionAwardee(Guid NominationId, string NomineeName, NomineeKind Kind, string UnitName, string AwardFormName, string CampaignName)
{
    /// <summary>The certificate's register number, e.g. SV-2027-0001, and its registry line.</summary>
    public string? RegisterNumber { get; init; }
    public Guid? AwardRecordId { get; init; }
    public bool Revoked { get; init; }
    public bool Superseded { get; init; }
}

public sealed class GetDecisionHandler(CommendationsDbContext db) : IRequestHandler<GetDecision, DecisionDetail>
{
    public async Task<DecisionDetail> Handle(GetDecision request, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.DecisionId, cancellationToken)
                       ?? throw new NotFoundException(Things.Decision);
        // The registry lines written with the decision, as named then; register numbers follow the printed order.
        var lines = await db.AwardRecords.AsNoTracking().Where(r => r.DecisionId == decision.Id).OrderBy(r => r.Sequence)
            .ToListAsync(cancellationToken);
        var ordered = lines
            .Select(r => new DecisionAwardee(r.NominationId, r.NomineeName, r.Kind, r.UnitName, r.AwardFormName, r.CampaignName)
            {
                RegisterNumber = r.RegisterNumber, AwardRecordId = r.Id, Revoked = r.IsRevoked, Superseded = !r.IsCurrent,
            })
            .OrderBy(a => a.Kind == NomineeKind.Collective ? 0 : 1).ToList();
        var amends = decision.AmendsDecisionId is { } amendedId
            ? await db.Decisions.AsNoTracking().Where(d => d.Id == amendedId).Select(d => d.Number).SingleOrDefaultAsync(cancellationToken)
            : null;

        var issuer = await db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.Province).OrderBy(u => u.Code)
            .Select(u => u.Name).FirstOrDefaultAsync(cancellationToken) ?? decision.IssuingBody;
        return new DecisionDetail(decision.Id, decision.Number, decision.Date, decision.SignerName, decision.SignerTitle, decision.Citation,
            issuer, PlaceOf(issuer), decision.IssuedAt, ordered) { AmendsDecisionId = decision.AmendsDecisionId, AmendsDecisionNumber = amends };
    }

    /// <summary>"Ủy ban nhân dân tỉnh Lam Giang" is dated at "Lam Giang".</summary>
    public static string PlaceOf(string issuer)
    {
        var at = issuer.LastIndexOf("tỉnh ", StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? issuer[(at + "tỉnh ".Length)..].Trim() : issuer;
    }
}
