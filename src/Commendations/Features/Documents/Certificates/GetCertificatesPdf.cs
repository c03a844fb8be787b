using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Catalog;
using Commendations.Features.Documents.Pdf;
using Commendations.Features.Exports;
using Commendations.Features.Registry;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Documents.Certificates;

/// <summary>
/// The certificates of a decision (one per current registry line), or of one line, as one PDF laid out for each award
/// form's pre-printed blank — only the fields (<see cref="CertificateMode.Blank"/>) or with the border and title as a
/// proof (<see cref="CertificateMode.Full"/>). Whoever may print the certificates' page may download it.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record GetCertificatesPdf(Guid DecisionId, Guid? AwardRecordId, CertificateMode Mode) : IQuery<ExportFile>;

public sealed class GetCertificatesPdfHandler(IMediator mediator, CommendationsDbContext db) : IRequestHandler<GetCertificatesPdf, ExportFile>
{
    public async Task<ExportFile> Handle(GetCertificatesPdf request, CancellationToken cancellationToken)
    {
        var certificates = await mediator.Send(new GetCertificates(request.DecisionId, request.AwardRecordId), cancellationToken);
        // Every line revoked or superseded: nothing left to print.
        if (certificates.Count == 0)
            throw new NotFoundException(Things.Certificate);
        var lineIds = certificates.Select(c => c.AwardRecordId).ToList();
        var formOfLine = await db.AwardRecords.AsNoTracking().Where(r => lineIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.AwardFormId, cancellationToken);
        var formIds = formOfLine.Values.Distinct().ToList();
        var layouts = await db.AwardForms.AsNoTracking().Where(f => formIds.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, f => f.EffectiveCertificateLayout, cancellationToken);
        var pages = certificates.Select(c => (c, layouts.GetValueOrDefault(formOfLine[c.AwardRecordId]) ?? CertificateLayout.Default)).ToList();
        var number = certificates.FirstOrDefault()?.DecisionNumber ?? "";
        return new ExportFile(CertificatePdf.Build(pages, request.Mode), DecisionPdf.ContentType,
            CertificatePdf.FileName(number, request.AwardRecordId is null ? null : certificates.Single().RegisterNumber));
    }
}
