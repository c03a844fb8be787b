using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Features.Documents.Minutes;
using Commendations.Features.Documents.Official;
using Commendations.Features.Documents.Pdf;
using Commendations.Features.Exports;
using FluentValidation;
using MediatR;

namespace Commendations.Features.Sessions;

/// <summary>
/// The minutes of a council session as a PDF (to print, and to be signed by the secretary and the chair) or as an
/// editable .docx draft — the words of the printable page. Whoever may open the minutes (<see cref="GetSession"/>: the
/// committee's members, appraisers, the leader, administrators) may download them; anyone else is told the session does
/// not exist.
/// </summary>
[Allowed(Roles.CommitteeMember, Roles.Appraiser, Roles.ProvincialLeader, Roles.Administrator)]
/// <param name="Format">"pdf" or "docx" (checked after who asks, so a wrong reader is refused whatever the format).</param>
public sealed record GetMinutesDocument(Guid SessionId, string Format) : IQuery<ExportFile>;

public sealed class GetMinutesDocumentValidator : AbstractValidator<GetMinutesDocument>
{
    public GetMinutesDocumentValidator() =>
        RuleFor(q => q.Format).Must(f => DocumentFiles.Parse(f) is not null).WithMessage(_ => DocumentFiles.FormatRefused.Format());
}

public sealed class GetMinutesDocumentHandler(IMediator mediator) : IRequestHandler<GetMinutesDocument, ExportFile>
{
    public async Task<ExportFile> Handle(GetMinutesDocument request, CancellationToken cancellationToken)
    {
        var minutes = await mediator.Send(new GetSession(request.SessionId), cancellationToken);
        return DocumentFiles.Write(MinutesDocument.Of(minutes), request.Format, MinutesDocument.FileName(minutes));
    }

    /// <summary>The minutes' PDF with the two places the secretary and the chair sign in (for the signing step).</summary>
    public static SignablePdf Signable(SessionMinutes minutes) => OfficialDocumentPdf.Generate(MinutesDocument.Of(minutes));
}
