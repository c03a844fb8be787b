using Commendations.Features.Documents.SubmissionLetters;
using MediatR;

namespace Commendations.Web.Api;

/// <summary>
/// The unit's submission letter (tờ trình) and nominee list of a nomination's campaign: drafted as PDF or Word, and
/// signed by the unit's head — with the certificate the server holds, or by an external signer in two steps.
/// </summary>
public static class SubmissionLetterEndpoints
{
    public static void MapSubmissionLetterEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/nominations/{id:guid}/submission-letter").WithTags("Nominations");
        group.MapGet("/pdf", (IMediator m, Guid id, CancellationToken ct) => Download(m, new GetSubmissionLetter(id, SubmissionLetterFormat.Pdf), ct))
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        group.MapGet("/docx", (IMediator m, Guid id, CancellationToken ct) => Download(m, new GetSubmissionLetter(id, SubmissionLetterFormat.Docx), ct))
            .Produces(StatusCodes.Status200OK, contentType: Commendations.Features.Documents.Docx.SubmissionLetterDocx.ContentType);
        group.MapPost("/signed", (IMediator m, Guid id, CancellationToken ct) => m.Send(new SignSubmissionLetter(id), ct));
        group.MapPost("/signing/prepare", (IMediator m, Guid id, CancellationToken ct) => m.Send(new PrepareSubmissionLetterSigning(id), ct));
        group.MapPost("/signing/{session:guid}/complete", (IMediator m, Guid id, Guid session, DecisionEndpoints.SignatureBody body, CancellationToken ct) =>
            m.Send(new CompleteSubmissionLetterSigning(id, session, body.Signature), ct));
    }

    private static async Task<IResult> Download(IMediator m, GetSubmissionLetter query, CancellationToken ct)
    {
        var file = await m.Send(query, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
