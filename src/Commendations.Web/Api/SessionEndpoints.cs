using Commendations.Domain.Sessions;
using Commendations.Engine;
using Commendations.Features.Exports;
using Commendations.Features.Sessions;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commendations.Web.Api;

public static class SessionEndpoints
{
    public sealed record AttendanceBody(AttendanceStatus Status, string? Note, IReadOnlyList<Guid>? RecusedFrom);
    public sealed record RollCallBody(IReadOnlyList<RollCallLine> Lines);
    public sealed record RollCallResult(int Changed);
    public sealed record BallotBody(Guid NominationId, VoteChoice Choice, Guid? OnBehalfOf);
    public sealed record MinutesBody(string? Number, Guid? ChairUserId, Guid? SecretaryUserId, DateTimeOffset? EndedAt);

    public static void MapSessionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sessions").WithTags("Council sessions");

        group.MapPost("/", async Task<Created<IdResponse>> (IMediator m, OpenSession body, CancellationToken ct) =>
        {
            var id = await m.Send(body, ct);
            return TypedResults.Created($"/api/sessions/{id}", new IdResponse(id));
        })
            .WithSummary("Open a council session for nominations waiting for its vote");

        group.MapGet("/", (IMediator m, string? committee, string? status, CancellationToken ct) => m.Send(new ListSessions(committee, status), ct))
            .WithSummary("Council sessions, optionally of one committee and status");

        group.MapGet("/{id:guid}", (IMediator m, Guid id, CancellationToken ct) => m.Send(new GetSession(id), ct))
            .WithSummary("One session with its attendance, ballots and result");

        group.MapPut("/{id:guid}/attendance/{memberUserId:guid}", async Task<NoContent> (IMediator m, Guid id, Guid memberUserId, AttendanceBody body, CancellationToken ct) =>
        {
            await m.Send(new RecordAttendance(id, memberUserId, body.Status, body.Note, body.RecusedFrom), ct);
            return TypedResults.NoContent();
        })
            .WithSummary("Record one member's attendance");

        // The whole roll call at once (all lines or none); lines equal to what is recorded are left alone.
        group.MapPut("/{id:guid}/attendance", async (IMediator m, Guid id, RollCallBody body, CancellationToken ct) =>
            new RollCallResult(await m.Send(new RecordRollCall(id, body.Lines), ct)))
            .WithSummary("Record the roll call for every member at once");

        group.MapPost("/{id:guid}/ballots", async Task<NoContent> (IMediator m, Guid id, BallotBody body, CancellationToken ct) =>
        {
            await m.Send(new CastSessionBallot(id, body.NominationId, body.Choice, body.OnBehalfOf), ct);
            return TypedResults.NoContent();
        })
            .WithSummary("Cast a member's ballot on one nomination in a session");

        group.MapPut("/{id:guid}/minutes", async Task<NoContent> (IMediator m, Guid id, MinutesBody body, CancellationToken ct) =>
        {
            await m.Send(new RecordMinutesDetails(id, body.Number, body.ChairUserId, body.SecretaryUserId, body.EndedAt), ct);
            return TypedResults.NoContent();
        })
            .WithSummary("Record the minutes' particulars: number, end time, chair, secretary");

        group.MapPost("/{id:guid}/close", (IMediator m, Guid id, CancellationToken ct) => m.Send(new CloseSession(id), ct))
            .WithSummary("Close the session and count the votes");

        group.MapGet("/{id:guid}/votes.{format}", async (IMediator m, Guid id, string format, CancellationToken ct) =>
            ExportEndpoints.File(await m.Send(new ExportSessionVotes(id, ExportEndpoints.Parse(format)), ct)))
            .ProducesFile(FileResponses.Xlsx, FileResponses.Csv)
            .WithSummary("The session's votes as .xlsx or CSV");
        // The minutes as a PDF or an editable .docx draft: bien-ban-05-BB-HDTDKT.pdf.
        group.MapGet("/{id:guid}/minutes.{format}", async (IMediator m, Guid id, string format, CancellationToken ct) =>
            ExportEndpoints.File(await m.Send(new GetMinutesDocument(id, format), ct)))
            .ProducesFile(FileResponses.Pdf, FileResponses.Docx)
            .WithSummary("The session's minutes as PDF or .docx");
        // The minutes signed digitally: the secretary, then the chair, each with their own certificate.
        group.MapPost("/{id:guid}/minutes/signed", async (IMediator m, Guid id, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new SignMinutes(id), ct)))
            .WithSummary("Sign the minutes (secretary first, then chair) with the configured certificate");
        // The same turns signed by an external signer (USB token, remote-signing service) that only sees the digest.
        group.MapPost("/{id:guid}/minutes/signing/prepare", (IMediator m, Guid id, CancellationToken ct) => m.Send(new PrepareMinutesSigning(id), ct))
            .WithSummary("Prepare the caller's turn to sign the minutes deferred: the digest for an external signer");
        group.MapPost("/{id:guid}/minutes/signing/{session:guid}/complete", (IMediator m, Guid id, Guid session, DecisionEndpoints.SignatureBody body, CancellationToken ct) =>
            m.Send(new CompleteMinutesSigning(id, session, body.Signature), ct))
            .WithSummary("Complete the caller's deferred signature of the minutes with the CMS signature");
        group.MapGet("/{id:guid}/minutes/signed-pdf", async (IMediator m, Guid id, CancellationToken ct) =>
            ExportEndpoints.File(await m.Send(new GetSignedMinutesPdf(id), ct)))
            .ProducesFile(FileResponses.Pdf)
            .WithSummary("The signed minutes, the document of record");
    }
}
