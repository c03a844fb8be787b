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
            .ProducesFile(FileResponses.Pdf)
            .WithSummary("The unit's submission letter and nominee list as a PDF draft");
        group.MapGet("/docx", (IMediator m, Guid id, CancellationToken ct) => Download(m, new GetSubmissionLetter(id, SubmissionLetterFormat.Docx), ct))
            .ProducesFile(FileResponses.Docx)
            .WithSummary("The unit's submission letter and nominee list as an editable .docx draft");
        group.MapPost("/signed", (IMediator m, Guid id, CancellationToken ct) => m.Send(new SignSubmissionLetter(id), ct))
            .WithSummary("Sign the submission letter as the unit's head with the configured certificate");
        group.MapPost("/signing/prepare", (IMediator m, Guid id, CancellationToken ct) => m.Send(new PrepareSubmissionLetterSigning(id), ct))
            .WithSummary("Prepare the submission letter's deferred signing: the digest for an external signer");
        group.MapPost("/signing/{session:guid}/complete", (IMediator m, Guid id, Guid session, DecisionEndpoints.SignatureBody body, CancellationToken ct) =>
            m.Send(new CompleteSubmissionLetterSigning(id, session, body.Signature), ct))
            .WithSummary("Complete the submission letter's deferred signing with the CMS signature");
    }

    private static async Task<IResult> Download(IMediator m, GetSubmissionLetter query, CancellationToken ct)
    {
        var file = await m.Send(query, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
