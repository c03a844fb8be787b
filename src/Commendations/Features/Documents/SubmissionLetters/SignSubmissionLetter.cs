using Commendations.Common;
using Commendations.Common.Behaviours;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Nominations;
using Commendations.Features.Decisions;
using Commendations.Features.Documents.Pdf;
using Commendations.Features.Documents.Signing;
using Commendations.Features.Nominations;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Documents.SubmissionLetters;

/// <summary>The unit head signs the letter with the certificate the server holds for them (PKCS#12, <c>Signing:Certificates:&lt;user&gt;</c>).</summary>
[Allowed(Roles.UnitHead)]
public sealed record SignSubmissionLetter(Guid NominationId) : ICommand<SignedSubmissionLetter>, INominationRequest;

/// <summary>Deferred signing, first half: the letter prepared with an empty signature field and the digest to sign.</summary>
[Allowed(Roles.UnitHead)]
public sealed record PrepareSubmissionLetterSigning(Guid NominationId) : ICommand<SigningPrepared>, INominationRequest;

/// <summary>Deferred signing, second half: the external signer's CMS (base64 DER, PKCS#7 detached) embedded, verified, stored.</summary>
[Allowed(Roles.UnitHead)]
public sealed record CompleteSubmissionLetterSigning(Guid NominationId, Guid SessionId, string Signature) : ICommand<SignedSubmissionLetter>, INominationRequest;

public sealed class CompleteSubmissionLetterSigningValidator : AbstractValidator<CompleteSubmissionLetterSigning>
{
    public CompleteSubmissionLetterSigningValidator()
    {
        RuleFor(c => c.Signature).NotEmpty().MaximumLength(DeferredSignature.ReservedBytes * 2)
            .Must(s => s is null || Convert.TryFromBase64String(s, new byte[s.Length], out _))
            .WithMessage(new Message("Chữ ký phải là chuỗi base64 của một CMS (PKCS#7) dạng DER."));
    }
}

public sealed class SignSubmissionLetterHandler(SubmissionLetterSigning signing, IDocumentSigner signer) : IRequestHandler<SignSubmissionLetter, SignedSubmissionLetter>
{
    public async Task<SignedSubmissionLetter> Handle(SignSubmissionLetter request, CancellationToken cancellationToken)
    {
        var (drafted, identity) = await signing.StartAsync(request.NominationId, cancellationToken);
        var (pdf, place) = SubmissionLetterPdf.Generate(drafted.Letter);
        var signed = await signer.SignAsync(pdf, identity, SubmissionLetterSigning.Reason, drafted.Letter.Place, place, cancellationToken);
        return await signing.StoreAsync(drafted, identity, signed, "Pkcs12", cancellationToken);
    }
}

public sealed class PrepareSubmissionLetterSigningHandler(SubmissionLetterSigning signing, CommendationsDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<PrepareSubmissionLetterSigning, SigningPrepared>
{
    public async Task<SigningPrepared> Handle(PrepareSubmissionLetterSigning request, CancellationToken cancellationToken)
    {
        var (drafted, identity) = await signing.StartAsync(request.NominationId, cancellationToken);
        var (pdf, place) = SubmissionLetterPdf.Generate(drafted.Letter);
        var prepared = await DeferredSignature.PrepareAsync(pdf, identity, SubmissionLetterSigning.Reason, drafted.Letter.Place, place, clock.GetUtcNow());
        var session = new SubmissionLetterSigningSession(request.NominationId, prepared.Pdf, prepared.Digest, user.UserId, clock.GetUtcNow());
        await db.SubmissionLetterSigningSessions.Where(s => s.NominationId == request.NominationId && s.CreatedAt < SigningSessions.OpenSince(clock))
            .ExecuteDeleteAsync(cancellationToken);
        db.SubmissionLetterSigningSessions.Add(session);
        return new SigningPrepared(session.Id, "SHA-256", prepared.Digest);
    }
}

public sealed class CompleteSubmissionLetterSigningHandler(SubmissionLetterSigning signing, CommendationsDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<CompleteSubmissionLetterSigning, SignedSubmissionLetter>
{
    public async Task<SignedSubmissionLetter> Handle(CompleteSubmissionLetterSigning request, CancellationToken cancellationToken)
    {
        var (drafted, identity) = await signing.StartAsync(request.NominationId, cancellationToken);
        // A session is its requester's: another head of the unit prepares their own.
        var session = await db.SubmissionLetterSigningSessions.SingleOrDefaultAsync(
                          s => s.Id == request.SessionId && s.NominationId == request.NominationId && s.RequestedBy == user.UserId, cancellationToken)
                      ?? throw new NotFoundException(Things.SigningSession);
        SigningSessions.EnsureOpen(session.CreatedAt, clock);
        var signed = DeferredSignature.Embed(session.PreparedPdf, Convert.FromBase64String(request.Signature));
        var stored = await signing.StoreAsync(drafted, identity, signed, "Deferred", cancellationToken);
        db.SubmissionLetterSigningSessions.Remove(session);
        return stored;
    }
}
