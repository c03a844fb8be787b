using Commendations.Common.Text;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Domain.Documents;
using Commendations.Domain.Units;
using Commendations.Features.Documents;
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

    /// <summary>The heading's body name in capitals ("ỦY BAN NHÂN DÂN TỈNH LAM GIANG"), from the authority version in force on the decision's date.</summary>
    public string IssuerHeading { get; init; } = "";

    /// <summary>"Lam Giang, ngày 12 tháng 01 năm 2024" (Decree 30/2020/NĐ-CP: a day below 10 and months 1 and 2 with a leading zero).</summary>
    public string PlaceAndDate { get; init; } = "";

    /// <summary>The authority in full above the preamble: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAM GIANG".</summary>
    public string AuthorityLine { get; init; } = "";

    /// <summary>Head or deputy signing for the head; the signature block's lines: ["CHỦ TỊCH"] or ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"].</summary>
    public SignerCapacity SignerCapacity { get; init; }
    public IReadOnlyList<string> SignatureLines { get; init; } = [];

    /// <summary>The preamble's "Căn cứ …;" lines: the instruments applicable on the decision's date, then the proposal line.</summary>
    public IReadOnlyList<string> LegalBasis { get; init; } = [];
    public string ProposalLine { get; init; } = "";

    /// <summary>"Về việc tặng Bằng khen …" and Article 1 ("Tặng … cho 15 tập thể và 15 cá nhân …", "… cho ông Lê Văn Khải, …").</summary>
    public string Subject { get; init; } = "";
    public string ArticleOne { get; init; } = "";
    public string ExecutionLine { get; init; } = "";
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>The document of record once the decision is signed (<see cref="SignDecision"/>), else null.</summary>
    public SignedDecisionSummary? SignedDocument { get; init; }

    /// <summary>The account that issued (and so may sign) the decision.</summary>
    public Guid IssuedBy { get; init; }

    /// <summary>What the nominations' definition required of the decision's signatures when it was issued.</summary>
    public Engine.SignatureNeed LeaderSignature { get; init; } = Engine.SignatureNeed.Optional;
    public bool RequiresSeal { get; init; }

    /// <summary>The leader-signed version, when the record is the sealed one on top of it (else null: the record is it).</summary>
    public bool Sealed { get; init; }

    /// <summary>What the decision still waits for before it takes effect; <see cref="DecisionWait.Nothing"/> once in force.</summary>
    public DecisionWait Waiting { get; init; }

    /// <summary>The awardee list as printed: collectives first, then individuals (households with individuals).</summary>
    public IReadOnlyList<DecisionAwardee> Collectives => Awardees.Where(a => a.Kind == NomineeKind.Collective).ToList();
    public IReadOnlyList<DecisionAwardee> Individuals => Awardees.Where(a => a.Kind != NomineeKind.Collective).ToList();
}

/// <summary>What a decision waits for before it takes effect: nothing (in force), the leader's signature, the clerk's seal.</summary>
public enum DecisionWait
{
    Nothing,
    LeaderSignature,
    Seal,
}

public static class DecisionWaits
{
    /// <summary>What the given decision waits for, given the role of its latest signed version (null: none yet).</summary>
    public static DecisionWait Of(Domain.Decisions.Decision decision, SignatureRole? latest) =>
        !decision.AwaitsSignatures ? DecisionWait.Nothing
        : latest is null ? DecisionWait.LeaderSignature
        : decision.RequiresSeal && latest != SignatureRole.Seal ? DecisionWait.Seal
        : DecisionWait.Nothing;

    /// <summary>What the decision a nomination is in still waits for (nothing when it is in none, or in force).</summary>
    public static async Task<DecisionWait> OfAsync(Persistence.CommendationsDbContext db, Guid decisionId, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.AsNoTracking().SingleAsync(d => d.Id == decisionId, cancellationToken);
        var roles = await db.SignedDecisionDocuments.AsNoTracking().Where(d => d.DecisionId == decisionId).Select(d => d.Role).ToListAsync(cancellationToken);
        return Of(decision, roles.Count == 0 ? null : roles.Max());
    }
}

public sealed record DecisionAwardee(Guid NominationId, string NomineeName, NomineeKind Kind, string UnitName, string AwardFormName, string CampaignName)
{
    /// <summary>The certificate's register number, e.g. SV-2027-0001, and its registry line.</summary>
    public string? RegisterNumber { get; init; }
    public Guid? AwardRecordId { get; init; }
    public bool Revoked { get; init; }
    public bool Superseded { get; init; }

    /// <summary>A person's sex (for "Ông"/"Bà"); null for collectives and households.</summary>
    public Domain.Nominees.Gender? Gender { get; init; }

    /// <summary>As the list prints it: "Ông Lê Văn Khải", "Bà Trần Thị Mỹ Duyên", a collective's name.</summary>
    public string ListedName { get; init; } = "";

    /// <summary>The certificate's title for this award form ("BẰNG KHEN", "BẰNG CHỨNG NHẬN", "CỜ THI ĐUA").</summary>
    public string CertificateTitle { get; init; } = AwardForm.DefaultCertificateTitle;
}

public sealed class GetDecisionHandler(CommendationsDbContext db, DocumentData documents) : IRequestHandler<GetDecision, DecisionDetail>
{
    public async Task<DecisionDetail> Handle(GetDecision request, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.DecisionId, cancellationToken)
                       ?? throw new NotFoundException(Things.Decision);
        // The registry lines written with the decision, as named then; register numbers follow the printed order. A decision
        // waiting for its signatures has none yet: its list is its nominations, as they will be entered.
        var lines = await db.AwardRecords.AsNoTracking().Where(r => r.DecisionId == decision.Id).OrderBy(r => r.Sequence)
            .ToListAsync(cancellationToken);
        var pending = lines.Count == 0 && decision.AwaitsSignatures;
        if (pending)
            lines = await PendingLinesAsync(decision, cancellationToken);
        var personIds = lines.Where(r => r.PersonId != null).Select(r => r.PersonId!.Value).Distinct().ToList();
        var genders = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Gender, cancellationToken);
        var formIds = lines.Select(r => r.AwardFormId).Distinct().ToList();
        var titles = await db.AwardForms.AsNoTracking().Where(a => formIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.CertificateTitle, cancellationToken);
        var ordered = lines
            .Select(r =>
            {
                Domain.Nominees.Gender? gender = r.PersonId is { } p && genders.TryGetValue(p, out var g) ? g : null;
                return new DecisionAwardee(r.NominationId, r.NomineeName, r.Kind, r.UnitName, r.AwardFormName, r.CampaignName)
                {
                    // Not yet in the registry: no register number, no certificate to print.
                    RegisterNumber = pending ? null : r.RegisterNumber, AwardRecordId = pending ? null : r.Id, Revoked = r.IsRevoked, Superseded = !r.IsCurrent, Gender = gender,
                    ListedName = DecisionWording.ListedName(new WordedAwardee(r.Kind, r.NomineeName, gender)),
                    CertificateTitle = titles.GetValueOrDefault(r.AwardFormId, AwardForm.DefaultCertificateTitle),
                };
            })
            .OrderBy(a => a.Kind == NomineeKind.Collective ? 0 : 1).ToList();
        var amends = decision.AmendsDecisionId is { } amendedId
            ? await db.Decisions.AsNoTracking().Where(d => d.Id == amendedId).Select(d => d.Number).SingleOrDefaultAsync(cancellationToken)
            : null;

        // The record is the latest version: the sealed one when the clerk has sealed it, else the leader's.
        var versions = await db.SignedDecisionDocuments.AsNoTracking().Where(d => d.DecisionId == decision.Id)
            .Select(d => new { d.Role, Document = d }).ToListAsync(cancellationToken);
        var latest = versions.OrderByDescending(v => v.Role).Select(v => v.Document).FirstOrDefault();
        var signed = latest is null ? null : DecisionSigning.Summary(latest);
        var waiting = DecisionWaits.Of(decision, latest?.Role);

        // The authority's lines and the legal basis are those in force on the decision's date (Decree 98/2023/NĐ-CP before
        // 01/07/2025, Decree 152/2025/NĐ-CP from then on), not today's.
        var authority = await documents.AuthorityOnAsync(decision.Date, cancellationToken);
        var basis = await documents.LegalBasisOnAsync(decision.Date, cancellationToken);
        // A title is given as "danh hiệu Chiến sĩ thi đua cấp tỉnh"; a certificate of merit or a flag by its own name.
        var forms = ordered.Select(a => AwardForm.CertifiesTitle(a.CertificateTitle) ? $"danh hiệu {a.AwardFormName}" : a.AwardFormName).Distinct().ToList();
        var award = forms.Count == 1 ? forms[0] : "khen thưởng";
        var worded = ordered.Select(a => new WordedAwardee(a.Kind, a.NomineeName, a.Gender, a.UnitName)).ToList();
        return new DecisionDetail(decision.Id, decision.Number, decision.Date, decision.SignerName, decision.SignerTitle, decision.Citation,
            authority.IssuerName, authority.Place, decision.IssuedAt, ordered)
        {
            AmendsDecisionId = decision.AmendsDecisionId, AmendsDecisionNumber = amends,
            IssuerHeading = authority.IssuerName,
            PlaceAndDate = VietnameseDates.PlaceAndDate(authority.Place, decision.Date),
            AuthorityLine = authority.AuthorityLine,
            SignerCapacity = decision.SignerCapacity,
            SignatureLines = authority.SignatureLines(decision.SignerCapacity),
            LegalBasis = basis.Select(i => i.Citation).ToList(),
            ProposalLine = authority.ProposalLine,
            Subject = DecisionWording.Subject(award),
            ArticleOne = DecisionWording.ArticleOne(award, worded, decision.Citation),
            ExecutionLine = authority.ExecutionLine,
            Recipients = authority.Recipients,
            SignedDocument = signed,
            IssuedBy = decision.IssuedBy,
            LeaderSignature = decision.LeaderSignature,
            RequiresSeal = decision.RequiresSeal,
            Sealed = latest?.Role == SignatureRole.Seal,
            Waiting = waiting,
        };
    }

    /// <summary>
    /// The lines a decision waiting for its signatures will enter in the registry, built from its nominations in the
    /// printed order (no register numbers yet: they are assigned when it takes effect, DecisionEffect).
    /// </summary>
    private async Task<List<Domain.Registry.AwardRecord>> PendingLinesAsync(Domain.Decisions.Decision decision, CancellationToken cancellationToken)
    {
        var nominations = await db.Nominations.AsNoTracking().Where(n => n.DecisionId == decision.Id).ToListAsync(cancellationToken);
        var unitIds = nominations.Select(n => n.UnitId).Distinct().ToList();
        var formIds = nominations.Select(n => n.AwardFormId).Distinct().ToList();
        var campaignIds = nominations.Select(n => n.CampaignId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var forms = await db.AwardForms.AsNoTracking().Where(a => formIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        return DecisionEffect.Ordered(nominations)
            .Select((n, i) => new Domain.Registry.AwardRecord(
                new Domain.Registry.AwardRecordData(n.Id, n.Kind, n.PersonId, n.CollectiveId, n.NomineeName, n.UnitId, units[n.UnitId],
                    n.AwardFormId, forms[n.AwardFormId].Code, forms[n.AwardFormId].Name, n.CampaignId, campaigns[n.CampaignId].Code, campaigns[n.CampaignId].Name),
                decision.Id, decision.Number, decision.Date, "", i + 1, decision.IssuedAt))
            .ToList();
    }

    /// <summary>"Ủy ban nhân dân tỉnh Lam Giang" is dated at "Lam Giang".</summary>
    public static string PlaceOf(string issuer)
    {
        var at = issuer.LastIndexOf("tỉnh ", StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? issuer[(at + "tỉnh ".Length)..].Trim() : issuer;
    }
}
