using Commendations.Features.Decisions;
using MediatR;

namespace Commendations.Web.Api;

public static class DecisionEndpoints
{
    public sealed record DecisionBody(string Number, DateOnly Date, string SignerName, string SignerTitle, string Citation, IReadOnlyList<Guid> NominationIds,
        Guid? AmendsDecisionId = null, IReadOnlyList<AwardCorrection>? Corrections = null, string? Series = null,
        Commendations.Domain.Documents.SignerCapacity? SignerCapacity = null);

    public static void MapDecisionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/decisions").WithTags("Decisions");
        group.MapPost("/", async (IMediator m, HttpRequest request, DecisionBody body, CancellationToken ct) =>
        {
            var issued = await m.Send(new IssueDecision(body.Number, body.Date, body.SignerName, body.SignerTitle, body.Citation,
                body.NominationIds ?? [], request.IdempotencyKey(), body.AmendsDecisionId, body.Corrections, body.Series, body.SignerCapacity), ct);
            return TypedResults.Created($"/api/decisions/{issued.DecisionId}", issued);
        })
            .WithSummary("Issue the award decision for the nominations approved for it");
        group.MapGet("/{id:guid}", (IMediator m, Guid id, CancellationToken ct) => m.Send(new GetDecision(id), ct))
            .WithSummary("A decision with its lines and signatures");
        // The generated decision (unsigned), downloaded under its number: quyet-dinh-05-QD-UBND.pdf.
        group.MapGet("/{id:guid}/pdf", async (IMediator m, Guid id, CancellationToken ct) =>
        {
            var file = await m.Send(new GetDecisionPdf(id), ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        })
            .ProducesFile(FileResponses.Pdf)
            .WithSummary("The decision as a PDF (unsigned draft)");
        // The same decision as an editable Word draft: quyet-dinh-05-QD-UBND.docx.
        group.MapGet("/{id:guid}/docx", async (IMediator m, Guid id, CancellationToken ct) =>
            ExportEndpoints.File(await m.Send(new GetDecisionDocx(id), ct)))
            .ProducesFile(FileResponses.Docx)
            .WithSummary("The decision as an editable .docx draft");
        // The document of record: signed with the signer's certificate held by the server, or by an external signer in two steps.
        group.MapPost("/{id:guid}/signed-pdf", (IMediator m, Guid id, CancellationToken ct) => m.Send(new SignDecision(id), ct))
            .WithSummary("Sign the decision with the leader's configured certificate");
        group.MapGet("/{id:guid}/signed-pdf", async (IMediator m, Guid id, CancellationToken ct) =>
        {
            var file = await m.Send(new GetSignedDecisionPdf(id), ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        })
            .ProducesFile(FileResponses.Pdf)
            .WithSummary("The signed decision, the document of record");
        group.MapPost("/{id:guid}/signing/prepare", (IMediator m, Guid id, CancellationToken ct) => m.Send(new PrepareDecisionSigning(id), ct))
            .WithSummary("Prepare deferred signing: the document's digest for an external signer");
        group.MapPost("/{id:guid}/signing/{session:guid}/complete", (IMediator m, Guid id, Guid session, SignatureBody body, CancellationToken ct) =>
            m.Send(new CompleteDecisionSigning(id, session, body.Signature), ct))
            .WithSummary("Complete deferred signing with the external signer's CMS signature");
        // The clerk's seal on the leader-signed decision, appended as a second signature: with the seal's certificate, or deferred.
        group.MapPost("/{id:guid}/seal", (IMediator m, Guid id, CancellationToken ct) => m.Send(new SealDecision(id), ct))
            .WithSummary("Apply the agency's seal signature with the clerk's configured certificate");
        group.MapPost("/{id:guid}/seal/prepare", (IMediator m, Guid id, CancellationToken ct) => m.Send(new PrepareDecisionSeal(id), ct))
            .WithSummary("Prepare the seal's deferred signing: the digest for an external signer");
        group.MapPost("/{id:guid}/seal/{session:guid}/complete", (IMediator m, Guid id, Guid session, SignatureBody body, CancellationToken ct) =>
            m.Send(new CompleteDecisionSeal(id, session, body.Signature), ct))
            .WithSummary("Complete the seal's deferred signing with the external signer's CMS signature");
    }

    /// <summary>The external signer's CMS (PKCS#7 detached, DER) in base64.</summary>
    public sealed record SignatureBody(string Signature);
}
