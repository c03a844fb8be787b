using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Features.Documents.Pdf;
using Commendations.Features.Exports;
using MediatR;

namespace Commendations.Features.Decisions;

/// <summary>
/// The award decision as a generated PDF (unsigned): what the printable page shows, in the Decree 30/2020 layout with its
/// font embedded. Whoever may read the decision (<see cref="GetDecision"/>) may download it.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record GetDecisionPdf(Guid DecisionId) : IQuery<ExportFile>;

public sealed class GetDecisionPdfHandler(IMediator mediator) : IRequestHandler<GetDecisionPdf, ExportFile>
{
    public async Task<ExportFile> Handle(GetDecisionPdf request, CancellationToken cancellationToken)
    {
        var decision = await mediator.Send(new GetDecision(request.DecisionId), cancellationToken);
        return new ExportFile(DecisionPdf.Build(decision), DecisionPdf.ContentType, DecisionPdf.FileName(decision.Number));
    }
}
