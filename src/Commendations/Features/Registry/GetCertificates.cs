using Commendations.Common.Text;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Domain.Documents;
using Commendations.Features.Documents;
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
    string Citation, string DecisionNumber, DateOnly DecisionDate, string SignerName, string SignerTitle, string IssuerName, string Place)
{
    /// <summary>The award form's title: "BẰNG KHEN", "BẰNG CHỨNG NHẬN" (Chiến sĩ thi đua cấp tỉnh), "CỜ THI ĐUA".</summary>
    public string Title { get; init; } = AwardForm.DefaultCertificateTitle;

    /// <summary>A title is certified ("Chứng nhận … đạt danh hiệu …"); a certificate of merit or a flag is given ("Tặng …").</summary>
    public bool CertifiesTitle => AwardForm.CertifiesTitle(Title);

    /// <summary>"Ông Lê Văn Khải", "Bà …", a collective's name.</summary>
    public string ListedName { get; init; } = "";

    /// <summary>The authority in full ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAM GIANG"), the signature block and the date line.</summary>
    public string AuthorityLine { get; init; } = "";
    public IReadOnlyList<string> SignatureLines { get; init; } = [];
    public string PlaceAndDate { get; init; } = "";
}

public sealed class GetCertificatesHandler(CommendationsDbContext db, DocumentData documents) : IRequestHandler<GetCertificates, IReadOnlyList<CertificateView>>
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
        var authority = await documents.AuthorityOnAsync(decision.Date, cancellationToken);
        var formIds = lines.Select(r => r.AwardFormId).Distinct().ToList();
        var titles = await db.AwardForms.AsNoTracking().Where(a => formIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.CertificateTitle, cancellationToken);
        var personIds = lines.Where(r => r.PersonId != null).Select(r => r.PersonId!.Value).Distinct().ToList();
        var genders = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Gender, cancellationToken);
        return lines.Select(r => new CertificateView(r.Id, r.RegisterNumber, r.NomineeName, r.Kind, r.UnitName, r.AwardFormName, r.CampaignName,
            decision.Citation, decision.Number, decision.Date, decision.SignerName, decision.SignerTitle, authority.IssuerName, authority.Place)
        {
            Title = titles.GetValueOrDefault(r.AwardFormId, AwardForm.DefaultCertificateTitle),
            ListedName = DecisionWording.ListedName(new WordedAwardee(r.Kind, r.NomineeName,
                r.PersonId is { } p && genders.TryGetValue(p, out var g) ? g : null)),
            AuthorityLine = authority.AuthorityLine,
            SignatureLines = authority.SignatureLines(decision.SignerCapacity),
            PlaceAndDate = VietnameseDates.PlaceAndDate(authority.Place, decision.Date),
        }).ToList();
    }
}
