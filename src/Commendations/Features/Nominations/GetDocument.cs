using Commendations.Common.Text;
using Commendations.Common.Security;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Nominations;

/// <summary>A document's bytes for anyone who may read the nomination (reviewers open dossiers in the browser).</summary>
[Allowed(Audience.SignedIn)]
public sealed record GetDocument(Guid NominationId, Guid DocumentId) : IQuery<DocumentFile>, INominationRequest;

public sealed record DocumentFile(string FileName, string ContentType, byte[] Content, string Sha256);

public sealed class GetDocumentHandler(CommendationsDbContext db, NominationAccess access) : IRequestHandler<GetDocument, DocumentFile>
{
    public async Task<DocumentFile> Handle(GetDocument request, CancellationToken cancellationToken)
    {
        await access.ReadableAsync(request.NominationId, cancellationToken);
        var file = await db.Documents.AsNoTracking()
                       .Where(d => d.Id == request.DocumentId && d.NominationId == request.NominationId)
                       .Select(d => new DocumentFile(d.FileName, d.ContentType, d.Content!.Bytes, d.Sha256))
                       .SingleOrDefaultAsync(cancellationToken)
                   ?? throw new NotFoundException(Things.Document);
        return file;
    }
}
