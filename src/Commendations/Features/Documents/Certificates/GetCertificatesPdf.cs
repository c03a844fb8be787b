using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Features.Documents.Docx;
using Commendations.Features.Documents.Pdf;
using Commendations.Features.Exports;
using Commendations.Persistence;
using MediatR;

namespace Commendations.Features.Documents.Certificates;

/// <summary>
/// The certificates of a decision (one per current registry line), or of one line, as one PDF laid out for each award
/// form's pre-printed blank — only the fields (<see cref="CertificateMode.Blank"/>) or with the border and title as a
/// proof (<see cref="CertificateMode.Full"/>). Whoever may print the certificates' page may download it.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record GetCertificatesPdf(Guid DecisionId, Guid? AwardRecordId, CertificateMode Mode) : IQuery<ExportFile>;

/// <summary>
/// The same certificates as an editable Word draft: each on its own page of its blank's paper, every field where the PDF
/// prints it on the blank, so an office can correct a name or a line and still print onto the blank.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record GetCertificatesDocx(Guid DecisionId, Guid? AwardRecordId) : IQuery<ExportFile>;

public sealed class GetCertificatesPdfHandler(IMediator mediator, CommendationsDbContext db) : IRequestHandler<GetCertificatesPdf, ExportFile>
{
    public async Task<ExportFile> Handle(GetCertificatesPdf request, CancellationToken cancellationToken)
    {
        var pages = await CertificatePages.LoadAsync(mediator, db, request.DecisionId, request.AwardRecordId, cancellationToken);
        var first = pages[0].Certificate;
        return new ExportFile(CertificatePdf.Build(pages, request.Mode), DecisionPdf.ContentType,
            CertificatePdf.FileName(first.DecisionNumber, request.AwardRecordId is null ? null : first.RegisterNumber));
    }
}

public sealed class GetCertificatesDocxHandler(IMediator mediator, CommendationsDbContext db) : IRequestHandler<GetCertificatesDocx, ExportFile>
{
    public async Task<ExportFile> Handle(GetCertificatesDocx request, CancellationToken cancellationToken)
    {
        var pages = await CertificatePages.LoadAsync(mediator, db, request.DecisionId, request.AwardRecordId, cancellationToken);
        var first = pages[0].Certificate;
        return new ExportFile(CertificateDocx.Write(pages), OfficialDocumentDocx.ContentType,
            Path.ChangeExtension(CertificatePdf.FileName(first.DecisionNumber, request.AwardRecordId is null ? null : first.RegisterNumber), ".docx"));
    }
}
