using Commendations.Common.Text;
using Commendations.Common.Security;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Nominations;

/// <summary>Removes a document while the unit holds the dossier. The audit keeps its name and checksum.</summary>
[Allowed(Roles.EmulationOfficer)]
public sealed record RemoveDocument(Guid NominationId, Guid DocumentId) : ICommand<Unit>, INominationRequest;

public sealed class RemoveDocumentHandler(CommendationsDbContext db, NominationAccess access, AuditTrail audit)
    : IRequestHandler<RemoveDocument, Unit>
{
    public async Task<Unit> Handle(RemoveDocument request, CancellationToken cancellationToken)
    {
        var nomination = await access.EditableByUnitAsync(request.NominationId, cancellationToken);
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == request.DocumentId && d.NominationId == nomination.Id, cancellationToken)
                       ?? throw new NotFoundException(Things.Document);
        db.Documents.Remove(document);
        await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), "document.removed", nomination.CurrentStep, null,
            new { document = document.Id, document.FileName, document.Sha256 }, cancellationToken);
        return Unit.Value;
    }
}
