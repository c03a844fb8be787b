using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Documents;
using Commendations.Domain.Sessions;
using Commendations.Features.Documents.Minutes;
using Commendations.Features.Documents.Signing;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Sessions;

/// <summary>
/// The council's minutes signed digitally by the two people who sign them on paper: the secretary (thư ký) first, in
/// the secretary's place, then the chair (chủ trì) over that version, appended as an incremental update so the
/// secretary's signature stays valid. Here each signs with the certificate the server holds for them (PKCS#12,
/// <c>Signing:Certificates:&lt;user name&gt;</c>), or with their own token through <see cref="PrepareMinutesSigning"/>;
/// nobody signs for another. Only a closed session's minutes are signed;
/// each version is verified, stored once with its SHA-256 (immutable) and audited. The chair's version is the document of
/// record.
/// </summary>
[Allowed(Roles.CommitteeMember, Roles.Appraiser, Roles.ProvincialLeader, Roles.Administrator)]
public sealed record SignMinutes(Guid SessionId) : ICommand<SignedMinutesSummary>;

/// <summary>The newest signed version of the minutes (the chair's when both have signed).</summary>
[Allowed(Roles.CommitteeMember, Roles.Appraiser, Roles.ProvincialLeader, Roles.Administrator)]
public sealed record GetSignedMinutesPdf(Guid SessionId) : IQuery<Exports.ExportFile>;

/// <summary>The signed versions of the minutes so far, and whether the reader is the one who signs next.</summary>
[Allowed(Roles.CommitteeMember, Roles.Appraiser, Roles.ProvincialLeader, Roles.Administrator)]
public sealed record GetMinutesSignatures(Guid SessionId) : IQuery<MinutesSignatures>;

public sealed record MinutesSignatures(IReadOnlyList<SignedMinutesSummary> Signed, bool ReaderSignsNext);

public sealed record SignedMinutesSummary(MinutesSignatureRole Role, string SignerName, DateTimeOffset SignedAt, string Sha256, SignatureVerdict Verification);

public sealed class SignMinutesHandler(MinutesSigning signing, IDocumentSigner signer) : IRequestHandler<SignMinutes, SignedMinutesSummary>
{
    public async Task<SignedMinutesSummary> Handle(SignMinutes request, CancellationToken cancellationToken)
    {
        var turn = await signing.StartAsync(request.SessionId, cancellationToken);
        var signed = turn.Appends
            ? await signer.AddSignatureAsync(turn.Document, turn.Signer, turn.Reason, turn.Minutes.Place, turn.Place, cancellationToken)
            : await signer.SignAsync(turn.Document, turn.Signer, turn.Reason, turn.Minutes.Place, turn.Place, cancellationToken);
        return await signing.StoreAsync(turn, signed, "Pkcs12", cancellationToken);
    }
}

public sealed class GetSignedMinutesPdfHandler(IMediator mediator, CommendationsDbContext db) : IRequestHandler<GetSignedMinutesPdf, Exports.ExportFile>
{
    public async Task<Exports.ExportFile> Handle(GetSignedMinutesPdf request, CancellationToken cancellationToken)
    {
        await mediator.Send(new GetSession(request.SessionId), cancellationToken); // who may read it, or 404
        // At most two versions; the chair's (stored as text, so ordered here) is the document of record.
        var versions = await db.SignedMinutes.AsNoTracking().Where(d => d.SessionId == request.SessionId).ToListAsync(cancellationToken);
        var latest = versions.OrderByDescending(d => d.Role).FirstOrDefault() ?? throw new NotFoundException(Things.SignedMinutes);
        return new Exports.ExportFile(latest.Content, "application/pdf", latest.FileName);
    }
}

public sealed class GetMinutesSignaturesHandler(IMediator mediator, CommendationsDbContext db, ICurrentUser user) : IRequestHandler<GetMinutesSignatures, MinutesSignatures>
{
    public async Task<MinutesSignatures> Handle(GetMinutesSignatures request, CancellationToken cancellationToken)
    {
        var minutes = await mediator.Send(new GetSession(request.SessionId), cancellationToken); // who may read it, or 404
        var versions = await db.SignedMinutes.AsNoTracking().Where(d => d.SessionId == request.SessionId).ToListAsync(cancellationToken);
        var signed = versions.OrderBy(v => v.Role).Select(v => new SignedMinutesSummary(v.Role, v.SignerName, v.SignedAt, v.Sha256, v.Verification)).ToList();
        var next = minutes.Status != SessionStatus.Closed || signed.Count == 2 ? null
            : signed.Count == 0 ? minutes.Secretary : minutes.Chair;
        return new MinutesSignatures(signed, next?.UserId == user.UserId);
    }
}
