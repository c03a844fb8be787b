using Commendations.Common;
using Commendations.Common.Behaviours;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Sessions;
using Commendations.Features.Decisions;
using Commendations.Features.Documents.Signing;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Sessions;

/// <summary>
/// Deferred signing of the minutes, first half: whoever signs next (the secretary, then the chair) gets the minutes
/// prepared with their empty signature field — the chair's appended to the secretary's signed version — kept in a
/// signing session, and the digest their USB token or remote-signing service must sign. See docs/documents.md.
/// </summary>
[Allowed(Roles.CommitteeMember, Roles.Appraiser, Roles.ProvincialLeader, Roles.Administrator)]
public sealed record PrepareMinutesSigning(Guid SessionId) : ICommand<SigningPrepared>;

/// <summary>Deferred signing of the minutes, second half: the external signer's CMS (base64 DER, PKCS#7 detached) embedded, verified, stored.</summary>
[Allowed(Roles.CommitteeMember, Roles.Appraiser, Roles.ProvincialLeader, Roles.Administrator)]
public sealed record CompleteMinutesSigning(Guid SessionId, Guid SigningSessionId, string Signature) : ICommand<SignedMinutesSummary>;

public sealed class CompleteMinutesSigningValidator : AbstractValidator<CompleteMinutesSigning>
{
    public CompleteMinutesSigningValidator()
    {
        RuleFor(c => c.Signature).NotEmpty().MaximumLength(DeferredSignature.ReservedBytes * 2)
            .Must(s => s is null || Convert.TryFromBase64String(s, new byte[s.Length], out _))
            .WithMessage(new Message("Chữ ký phải là chuỗi base64 của một CMS (PKCS#7) dạng DER."));
    }
}

public sealed class PrepareMinutesSigningHandler(MinutesSigning signing, CommendationsDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<PrepareMinutesSigning, SigningPrepared>
{
    public async Task<SigningPrepared> Handle(PrepareMinutesSigning request, CancellationToken cancellationToken)
    {
        var turn = await signing.StartAsync(request.SessionId, cancellationToken);
        var prepared = await signing.PrepareAsync(turn);
        await db.MinutesSigningSessions.Where(s => s.SessionId == request.SessionId && s.CreatedAt < SigningSessions.OpenSince(clock))
            .ExecuteDeleteAsync(cancellationToken);
        var session = new MinutesSigningSession(request.SessionId, turn.Role, prepared.Pdf, prepared.Digest, user.UserId, clock.GetUtcNow());
        db.MinutesSigningSessions.Add(session);
        return new SigningPrepared(session.Id, "SHA-256", prepared.Digest);
    }
}

public sealed class CompleteMinutesSigningHandler(MinutesSigning signing, CommendationsDbContext db, ICurrentUser user,
    SignatureTimestamper timestamper, TimeProvider clock) : IRequestHandler<CompleteMinutesSigning, SignedMinutesSummary>
{
    public async Task<SignedMinutesSummary> Handle(CompleteMinutesSigning request, CancellationToken cancellationToken)
    {
        var turn = await signing.StartAsync(request.SessionId, cancellationToken);
        // The session is its requester's and for this turn: a secretary's prepared PDF cannot become the chair's signature.
        var session = await db.MinutesSigningSessions.SingleOrDefaultAsync(
                          s => s.Id == request.SigningSessionId && s.SessionId == request.SessionId && s.RequestedBy == user.UserId && s.Role == turn.Role,
                          cancellationToken)
                      ?? throw new NotFoundException(Things.SigningSession);
        SigningSessions.EnsureOpen(session.CreatedAt, clock);
        var signed = DeferredSignature.Embed(session.PreparedPdf, await CompleteDecisionSigningHandler.StampedAsync(timestamper, request.Signature, cancellationToken));
        var stored = await signing.StoreAsync(turn, signed, "Deferred", cancellationToken);
        db.MinutesSigningSessions.Remove(session);
        return stored;
    }
}
