using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Features.Exports;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Decisions;

/// <summary>The decision's document of record, byte for byte as stored (its SHA-256 is on the decision page). Readers as for the decision.</summary>
[Allowed(Audience.SignedIn)]
public sealed record GetSignedDecisionPdf(Guid DecisionId) : IQuery<ExportFile>;

public sealed class GetSignedDecisionPdfHandler(CommendationsDbContext db, IMediator mediator) : IRequestHandler<GetSignedDecisionPdf, ExportFile>
{
    public async Task<ExportFile> Handle(GetSignedDecisionPdf request, CancellationToken cancellationToken)
    {
        // The decision's own readers: whoever may read it may read its signed copy.
        await mediator.Send(new GetDecision(request.DecisionId), cancellationToken);
        // The record is the latest version: sealed when the clerk has sealed it, else the leader's.
        var document = (await db.SignedDecisionDocuments.AsNoTracking().Where(d => d.DecisionId == request.DecisionId)
                           .Select(d => new { d.Role, d.Content, d.FileName }).ToListAsync(cancellationToken)).MaxBy(d => d.Role)
                       ?? throw new NotFoundException(Things.SignedDecision);
        return new ExportFile(document.Content, "application/pdf", document.FileName);
    }
}
