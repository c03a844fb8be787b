using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Features.Documents.Docx;
using Commendations.Features.Documents.Official;
using Commendations.Features.Exports;
using MediatR;

namespace Commendations.Features.Decisions;

/// <summary>
/// The award decision as an editable Word draft (.docx): the words of the PDF and the printable page, for an office that
/// drafts in Word. Whoever may read the decision (<see cref="GetDecision"/>) may download it.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record GetDecisionDocx(Guid DecisionId) : IQuery<ExportFile>;

public sealed class GetDecisionDocxHandler(IMediator mediator) : IRequestHandler<GetDecisionDocx, ExportFile>
{
    public async Task<ExportFile> Handle(GetDecisionDocx request, CancellationToken cancellationToken)
    {
        var decision = await mediator.Send(new GetDecision(request.DecisionId), cancellationToken);
        return new ExportFile(OfficialDocumentDocx.Write(DecisionDocument.Of(decision)), OfficialDocumentDocx.ContentType,
            DecisionDocument.BaseName(decision) + ".docx");
    }
}
