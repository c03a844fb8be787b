using Commendations.Common;
using Commendations.Common.Behaviours;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Decisions;
using Commendations.Domain.Documents;
using Commendations.Features.Documents.Pdf;
using Commendations.Features.Documents.Signing;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Decisions;

/// <summary>
/// The clerk (văn thư) applies the agency's seal signature to the leader-signed decision, with the seal's certificate
/// the server holds (<c>Signing:Seal</c>, else the clerk's own): a second signature appended as an incremental update,
/// so the leader's stays valid. When the definition required the seal, the decision takes effect now.
/// </summary>
[Allowed(Roles.Clerk, Roles.Administrator)]
public sealed record SealDecision(Guid DecisionId) : ICommand<SignedDecisionSummary>;

/// <summary>Deferred sealing, first half: the leader-signed PDF with a new empty signature field appended, and the digest to sign.</summary>
[Allowed(Roles.Clerk, Roles.Administrator)]
public sealed record PrepareDecisionSeal(Guid DecisionId) : ICommand<SigningPrepared>;

/// <summary>Deferred sealing, second half: the external signer's CMS over the digest, embedded, verified, stored.</summary>
[Allowed(Roles.Clerk, Roles.Administrator)]
public sealed record CompleteDecisionSeal(Guid DecisionId, Guid SessionId, string Signature) : ICommand<SignedDecisionSummary>;

public sealed class CompleteDecisionSealValidator : AbstractValidator<CompleteDecisionSeal>
{
    public CompleteDecisionSealValidator()
    {
        RuleFor(c => c.Signature).NotEmpty().MaximumLength(DeferredSignature.ReservedBytes * 2)
            .Must(s => s is null || Convert.TryFromBase64String(s, new byte[s.Length], out _))
            .WithMessage(new Message("Chữ ký phải là chuỗi base64 của một CMS (PKCS#7) dạng DER."));
    }
}

/// <summary>Where the seal shows: a round stamp over the left part of the leader's signature box, as a seal on paper overlaps the signature.</summary>
public static class SealPlacement
{
    public static SignaturePlace Over(SignaturePlace signature)
    {
        var side = Math.Max(signature.Height * 1.45, 80);
        var (cx, cy) = (signature.Left + signature.Width * 0.12, signature.Top + signature.Height / 2);
        return new SignaturePlace(signature.PageIndex, cx - side / 2, cy - side / 2, side, side);
    }
}

public sealed class SealDecisionHandler(DecisionSigning signing, IDocumentSigner signer) : IRequestHandler<SealDecision, SignedDecisionSummary>
{
    public async Task<SignedDecisionSummary> Handle(SealDecision request, CancellationToken cancellationToken)
    {
        var (decision, signed, clerk) = await signing.StartSealAsync(request.DecisionId, cancellationToken);
        var (_, place) = DecisionPdf.Generate(decision);
        var sealedPdf = await signer.AddSignatureAsync(signed.Content, clerk, DecisionSigning.SealReason, decision.Place, SealPlacement.Over(place), cancellationToken);
        return await signing.StoreAsync(decision, clerk, sealedPdf, SignatureMethod.Pkcs12, cancellationToken, SignatureRole.Seal);
    }
}

public sealed class PrepareDecisionSealHandler(DecisionSigning signing, CommendationsDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<PrepareDecisionSeal, SigningPrepared>
{
    public async Task<SigningPrepared> Handle(PrepareDecisionSeal request, CancellationToken cancellationToken)
    {
        var (decision, signed, clerk) = await signing.StartSealAsync(request.DecisionId, cancellationToken);
        var (_, place) = DecisionPdf.Generate(decision);
        var prepared = IncrementalSignature.Prepare(signed.Content, clerk, DecisionSigning.SealReason, decision.Place, SealPlacement.Over(place), clock.GetUtcNow());
        var session = new DecisionSigningSession(decision.Id, prepared.Pdf, prepared.Digest, user.UserId, clock.GetUtcNow(), SignatureRole.Seal);
        await db.DecisionSigningSessions.Where(s => s.DecisionId == decision.Id && s.CreatedAt < SigningSessions.OpenSince(clock)).ExecuteDeleteAsync(cancellationToken);
        db.DecisionSigningSessions.Add(session);
        return new SigningPrepared(session.Id, "SHA-256", prepared.Digest);
    }
}

public sealed class CompleteDecisionSealHandler(DecisionSigning signing, CommendationsDbContext db, SignatureTimestamper timestamper, TimeProvider clock) : IRequestHandler<CompleteDecisionSeal, SignedDecisionSummary>
{
    public async Task<SignedDecisionSummary> Handle(CompleteDecisionSeal request, CancellationToken cancellationToken)
    {
        var (decision, _, clerk) = await signing.StartSealAsync(request.DecisionId, cancellationToken);
        var session = await db.DecisionSigningSessions.SingleOrDefaultAsync(
                          s => s.Id == request.SessionId && s.DecisionId == request.DecisionId && s.Role == SignatureRole.Seal, cancellationToken)
                      ?? throw new NotFoundException(Things.SigningSession);
        SigningSessions.EnsureOpen(session.CreatedAt, clock);
        var sealedPdf = DeferredSignature.Embed(session.PreparedPdf, await CompleteDecisionSigningHandler.StampedAsync(timestamper, request.Signature, cancellationToken));
        var stored = await signing.StoreAsync(decision, clerk, sealedPdf, SignatureMethod.Deferred, cancellationToken, SignatureRole.Seal);
        db.DecisionSigningSessions.Remove(session);
        return stored;
    }
}
