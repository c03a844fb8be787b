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
/// Deferred signing, first half: the decision prepared with an empty signature field, kept in a signing session, and
/// the digest the external signer (USB token, remote-signing service) must sign. See docs/documents.md.
/// </summary>
[Allowed(Roles.ProvincialLeader, Roles.Administrator)]
public sealed record PrepareDecisionSigning(Guid DecisionId) : ICommand<SigningPrepared>;

/// <summary>The session to complete and the base64 SHA-256 of the bytes the signature covers (the CMS's messageDigest).</summary>
public sealed record SigningPrepared(Guid SessionId, string DigestAlgorithm, string Digest);

/// <summary>Deferred signing, second half: the external signer's CMS (base64 DER, PKCS#7 detached) embedded, verified, stored.</summary>
[Allowed(Roles.ProvincialLeader, Roles.Administrator)]
public sealed record CompleteDecisionSigning(Guid DecisionId, Guid SessionId, string Signature) : ICommand<SignedDecisionSummary>;

public sealed class CompleteDecisionSigningValidator : AbstractValidator<CompleteDecisionSigning>
{
    public CompleteDecisionSigningValidator()
    {
        RuleFor(c => c.Signature).NotEmpty().MaximumLength(DeferredSignature.ReservedBytes * 2)
            .Must(s => s is null || Convert.TryFromBase64String(s, new byte[s.Length], out _))
            .WithMessage(new Message("Chữ ký phải là chuỗi base64 của một CMS (PKCS#7) dạng DER."));
    }
}

public sealed class PrepareDecisionSigningHandler(DecisionSigning signing, CommendationsDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<PrepareDecisionSigning, SigningPrepared>
{
    public async Task<SigningPrepared> Handle(PrepareDecisionSigning request, CancellationToken cancellationToken)
    {
        var (decision, identity) = await signing.StartAsync(request.DecisionId, cancellationToken);
        var (pdf, place) = DecisionPdf.Generate(decision);
        var prepared = await DeferredSignature.PrepareAsync(pdf, identity, DecisionSigning.Reason, decision.Place, place, clock.GetUtcNow());
        var session = new DecisionSigningSession(decision.Id, prepared.Pdf, prepared.Digest, user.UserId, clock.GetUtcNow());
        await db.DecisionSigningSessions.Where(s => s.DecisionId == decision.Id && s.CreatedAt < SigningSessions.OpenSince(clock)).ExecuteDeleteAsync(cancellationToken);
        db.DecisionSigningSessions.Add(session);
        return new SigningPrepared(session.Id, "SHA-256", prepared.Digest);
    }
}

public sealed class CompleteDecisionSigningHandler(DecisionSigning signing, CommendationsDbContext db, SignatureTimestamper timestamper, TimeProvider clock) : IRequestHandler<CompleteDecisionSigning, SignedDecisionSummary>
{
    public async Task<SignedDecisionSummary> Handle(CompleteDecisionSigning request, CancellationToken cancellationToken)
    {
        var (decision, identity) = await signing.StartAsync(request.DecisionId, cancellationToken);
        var session = await db.DecisionSigningSessions.SingleOrDefaultAsync(s => s.Id == request.SessionId && s.DecisionId == request.DecisionId && s.Role == SignatureRole.Leader, cancellationToken)
                      ?? throw new NotFoundException(Things.SigningSession);
        SigningSessions.EnsureOpen(session.CreatedAt, clock);
        var signed = DeferredSignature.Embed(session.PreparedPdf, await StampedAsync(timestamper, request.Signature, cancellationToken));
        var stored = await signing.StoreAsync(decision, identity, signed, SignatureMethod.Deferred, cancellationToken);
        db.DecisionSigningSessions.Remove(session);
        return stored;
    }

    /// <summary>
    /// The external signer's CMS, time-stamped by the configured authority (the signer returns it without one). A CMS
    /// that cannot be read is left as sent: the verification refuses it in words.
    /// </summary>
    internal static async Task<byte[]> StampedAsync(SignatureTimestamper timestamper, string signature, CancellationToken cancellationToken)
    {
        var cms = Convert.FromBase64String(signature);
        try
        {
            return await timestamper.AddToAsync(cms, cancellationToken);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return cms;
        }
    }
}
