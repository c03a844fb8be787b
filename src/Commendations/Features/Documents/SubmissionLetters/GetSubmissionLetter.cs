using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Features.Documents.Docx;
using Commendations.Features.Documents.Pdf;
using Commendations.Features.Exports;
using Commendations.Features.Nominations;
using MediatR;

namespace Commendations.Features.Documents.SubmissionLetters;

/// <summary>
/// The unit's submission letter and nominee list drafted from its dossiers in the nomination's campaign, unsigned, as a
/// PDF or an editable Word draft. Whoever may read the nomination may download it (another unit's officer: not found).
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record GetSubmissionLetter(Guid NominationId, SubmissionLetterFormat Format) : IQuery<ExportFile>, INominationRequest;

public enum SubmissionLetterFormat
{
    Pdf,
    Docx,
}

public sealed class GetSubmissionLetterHandler(SubmissionLetters letters) : IRequestHandler<GetSubmissionLetter, ExportFile>
{
    public const string BaseName = "to-trinh-de-nghi-khen-thuong";

    public async Task<ExportFile> Handle(GetSubmissionLetter request, CancellationToken cancellationToken)
    {
        var letter = (await letters.DraftAsync(request.NominationId, null, cancellationToken)).Letter;
        return request.Format == SubmissionLetterFormat.Docx
            ? new ExportFile(SubmissionLetterDocx.Write(letter), SubmissionLetterDocx.ContentType, BaseName + ".docx")
            : new ExportFile(SubmissionLetterPdf.Generate(letter).Content, DecisionPdf.ContentType, BaseName + ".pdf");
    }
}
