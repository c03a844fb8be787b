using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Engine;
using Commendations.Features.Nominations;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Api;

public static class NominationEndpoints
{
    public sealed record EditBody(PersonInput? Person, CollectiveInput? Collective, string AchievementSummary);
    public sealed record CommentBody(string? Comment);
    public sealed record ReasonBody(string Reason);

    /// <summary>Ending a wait early: the reason, and <c>apply</c> false (default) to preview only.</summary>
    public sealed record EndWaitBody(string Reason, bool Apply = false);

    /// <summary>Giving a task to another person: who, why, and <c>apply</c> false (default) to preview (with the candidates).</summary>
    public sealed record ReassignBody(Guid? NewUserId, string? Reason, bool Apply = false);
    public sealed record VoteBody(VoteChoice Choice, string? Comment);

    /// <summary>Moving to another step: the target (empty lists the targets), why, <c>skipChecks</c> to pass over a vote or disclosure knowingly, <c>apply</c> false to preview.</summary>
    public sealed record MoveBody(string? TargetStep, string? Reason, bool SkipChecks = false, bool Apply = false);

    /// <summary>Cancelling a running nomination: why, and <c>apply</c> false (default) to preview.</summary>
    public sealed record CancelBody(string? Reason, bool Apply = false);

    /// <summary>A repair's answer: 200 with what was done or previewed, 202 when it awaits a second administrator's approval.</summary>
    public static Results<Ok<T>, Accepted<T>> Repaired<T>(T outcome) where T : Features.Repairs.IRepairOutcome =>
        outcome.AwaitingApproval is { } request
            ? TypedResults.Accepted($"/api/admin/repair-requests/{request}", outcome)
            : TypedResults.Ok(outcome);

    public static void MapNominationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/nominations").WithTags("Nominations");

        group.MapGet("/", (IMediator m, Guid? campaignId, NominationStatus? status, NomineeKind? kind, string? search,
                NominationSort? sort, int? page, int? pageSize, CancellationToken ct) =>
            m.Send(new ListNominations(campaignId, status, kind, search, sort ?? NominationSort.Newest, page ?? 1, pageSize ?? 20), ct))
            .WithSummary("Nominations the caller may see, filtered, sorted and paged");

        group.MapPost("/", async Task<Created<IdResponse>> (IMediator m, CreateNomination body, CancellationToken ct) =>
        {
            var id = await m.Send(body, ct);
            return TypedResults.Created($"/api/nominations/{id}", new IdResponse(id));
        })
            .WithSummary("Draft a nomination of a collective or an individual");

        group.MapGet("/{id:guid}", (IMediator m, Guid id, CancellationToken ct) => m.Send(new GetNomination(id), ct))
            .WithSummary("One nomination with its nominee, documents, timeline and the caller's turn");
        group.MapGet("/{id:guid}/route", (IMediator m, Guid id, CancellationToken ct) => m.Send(new GetRouteView(id), ct))
            .WithSummary("A nomination's route: steps done, current and ahead");
        group.MapPost("/{id:guid}/end-wait", async (IMediator m, Guid id, EndWaitBody body, CancellationToken ct) =>
            Repaired(await m.Send(new Features.Repairs.EndWaitEarly(id, body.Reason, body.Apply), ct)))
            .WithSummary("End a wait (public disclosure, a timer) early, with a reason; preview unless apply");
        group.MapPost("/{id}/move", async (IMediator m, Guid id, MoveBody body, CancellationToken ct) =>
            Repaired(await m.Send(new Features.Repairs.MoveInstance(id, body.TargetStep, body.Reason, body.SkipChecks, body.Apply), ct)))
            .WithSummary("Move a running nomination to another step, with a reason; preview unless apply");
        group.MapPost("/{id}/cancellation", async (IMediator m, Guid id, CancelBody body, CancellationToken ct) =>
            Repaired(await m.Send(new Features.Repairs.CancelInstance(id, body.Reason, body.Apply), ct)))
            .WithSummary("Cancel a running nomination, with a reason; preview unless apply");

        group.MapPut("/{id:guid}", async Task<NoContent> (IMediator m, Guid id, EditBody body, CancellationToken ct) =>
        {
            await m.Send(new EditNomination(id, body.Person, body.Collective, body.AchievementSummary), ct);
            return TypedResults.NoContent();
        })
            .WithSummary("Change a draft or returned nomination's nominee and achievement summary");

        group.MapPost("/{id:guid}/documents", async Task<Created<DocumentSummary>> (IMediator m, Guid id,
                [FromForm] DocumentKind kind, IFormFile file, CancellationToken ct) =>
            {
                await using var stream = new MemoryStream();
                await file.CopyToAsync(stream, ct);
                var document = await m.Send(new AddDocument(id, kind, file.FileName, stream.ToArray()), ct);
                return TypedResults.Created($"/api/nominations/{id}/documents/{document.Id}", document);
            })
            // API clients authenticate with bearer tokens; the browser UI posts its own forms with anti-forgery tokens.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(NominationDocument.MaxBytes + 1024 * 1024))
            .WithSummary("Attach a document to the dossier (PDF, Word or image; signatures verified)");

        group.MapGet("/{id:guid}/documents/{documentId:guid}", async (IMediator m, Guid id, Guid documentId, CancellationToken ct) =>
        {
            var file = await m.Send(new GetDocument(id, documentId), ct);
            // Inline, so PDFs and images open in the browser; the checksum lets the reader verify the bytes.
            return TypedResults.File(file.Content, file.ContentType, file.FileName, enableRangeProcessing: true);
        })
            .ProducesFile(FileResponses.Pdf, FileResponses.Docx, "image/png", "image/jpeg")
            .WithSummary("Download a dossier document");

        group.MapDelete("/{id:guid}/documents/{documentId:guid}", async Task<NoContent> (IMediator m, Guid id, Guid documentId, CancellationToken ct) =>
        {
            await m.Send(new RemoveDocument(id, documentId), ct);
            return TypedResults.NoContent();
        })
            .WithSummary("Remove a document from a draft or returned dossier");

        group.MapPost("/{id:guid}/submit", (IMediator m, HttpRequest request, Guid id, CommentBody? body, CancellationToken ct) =>
            m.Send(new SubmitNomination(id, body?.Comment, request.IdempotencyKey()), ct))
            .WithSummary("Submit the dossier to the route");

        group.MapPost("/{id:guid}/withdraw", (IMediator m, HttpRequest request, Guid id, ReasonBody body, CancellationToken ct) =>
            m.Send(new WithdrawNomination(id, body.Reason, request.IdempotencyKey()), ct))
            .WithSummary("Withdraw a submitted nomination, with a reason");

        group.MapPost("/{id:guid}/votes", (IMediator m, HttpRequest request, Guid id, VoteBody body, CancellationToken ct) =>
            m.Send(new Features.Nominations.CastVote(id, body.Choice, body.Comment, request.IdempotencyKey()), ct))
            .WithSummary("Cast the caller's vote on a nomination when the step asks for votes");
    }
}

public sealed record IdResponse(Guid Id);
