using Commendations.Common.Errors;
using Commendations.Common.Text;
using Commendations.Domain.Catalog;
using Commendations.Features.Registry;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Documents.Certificates;

/// <summary>
/// The certificates of a decision (one per current registry line), or of one line, each with the layout of its award
/// form's blank: what the PDF and the .docx print. Read through <see cref="GetCertificates"/>, so both follow its scope.
/// </summary>
internal static class CertificatePages
{
    public static async Task<IReadOnlyList<(CertificateView Certificate, CertificateLayout Layout)>> LoadAsync(IMediator mediator, CommendationsDbContext db,
        Guid decisionId, Guid? awardRecordId, CancellationToken cancellationToken)
    {
        var certificates = await mediator.Send(new GetCertificates(decisionId, awardRecordId), cancellationToken);
        // Every line revoked or superseded: nothing left to print.
        if (certificates.Count == 0)
            throw new NotFoundException(Things.Certificate);
        var lineIds = certificates.Select(c => c.AwardRecordId).ToList();
        var formOfLine = await db.AwardRecords.AsNoTracking().Where(r => lineIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.AwardFormId, cancellationToken);
        var formIds = formOfLine.Values.Distinct().ToList();
        var layouts = await db.AwardForms.AsNoTracking().Where(f => formIds.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, f => f.EffectiveCertificateLayout, cancellationToken);
        return certificates.Select(c => (c, layouts.GetValueOrDefault(formOfLine[c.AwardRecordId]) ?? CertificateLayout.Default)).ToList();
    }
}
