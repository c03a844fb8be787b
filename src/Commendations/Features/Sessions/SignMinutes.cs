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
/// secretary's signature stays valid. Each signs with the certificate the server holds for them (PKCS#12,
/// <c>Signing:Certificates:&lt;user name&gt;</c>); nobody signs for another. Only a closed session's minutes are signed;
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

public sealed class SignMinutesHandler(IMediator mediator, CommendationsDbContext db, IDocumentSigner signer, PdfSignatureVerifier verifier,
    ICurrentUser user, AuditTrail audit, TimeProvider clock) : IRequestHandler<SignMinutes, SignedMinutesSummary>
{
    public const string SecretaryReason = "Thư ký ký biên bản", ChairReason = "Chủ trì ký biên bản";

    public async Task<SignedMinutesSummary> Handle(SignMinutes request, CancellationToken cancellationToken)
    {
        var minutes = await mediator.Send(new GetSession(request.SessionId), cancellationToken); // who may read it, or 404
        if (minutes.Status != SessionStatus.Closed)
            throw new ConflictException("minutes-not-final", new Message("Biên bản chỉ được ký số khi phiên họp đã kết thúc."));
        // One signer at a time per session: the second signature is appended to the first.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({$"minutes-signing/{request.SessionId}"}, 0))", cancellationToken);
        var versions = await db.SignedMinutes.Where(d => d.SessionId == request.SessionId).ToListAsync(cancellationToken);
        var secretaryVersion = versions.SingleOrDefault(v => v.Role == MinutesSignatureRole.Secretary);
        if (versions.Any(v => v.Role == MinutesSignatureRole.Chair))
            throw new ConflictException("minutes-already-signed", new Message("Biên bản đã có đủ chữ ký số của thư ký và người chủ trì; bản đã ký không được ký lại."));

        var pdf = GetMinutesDocumentHandler.Signable(minutes);
        var (role, person, place) = secretaryVersion is null
            ? (MinutesSignatureRole.Secretary, minutes.Secretary, pdf.Signatures.First(s => s.Role == MinutesDocument.SecretaryRole).Place)
            : (MinutesSignatureRole.Chair, minutes.Chair, pdf.Signatures.First(s => s.Role == MinutesDocument.ChairRole).Place);
        if (person is null)
            throw new ConflictException("minutes-signer-missing", role == MinutesSignatureRole.Secretary
                ? new Message("Biên bản chưa ghi thư ký phiên họp; hãy ghi thông tin biên bản trước khi ký.")
                : new Message("Biên bản chưa ghi người chủ trì phiên họp; hãy ghi thông tin biên bản trước khi ký."));
        if (person.UserId != user.UserId)
            throw new ForbiddenException(role == MinutesSignatureRole.Secretary
                ? new Message("Thư ký phiên họp ({0}) ký biên bản trước, rồi đến người chủ trì.", person.Name)
                : new Message("Đến lượt người chủ trì phiên họp ({0}) ký biên bản.", person.Name), "not-minutes-signer");

        var userName = await db.Users.AsNoTracking().Where(u => u.Id == person.UserId).Select(u => u.UserName).SingleOrDefaultAsync(cancellationToken);
        var identity = new SignerIdentity(person.Name, userName);
        var signed = secretaryVersion is null
            ? await signer.SignAsync(pdf.Content, identity, SecretaryReason, minutes.Place, place, cancellationToken)
            // The chair's signature is appended without a drawn box: the incremental writer draws only the agency's seal.
            : await signer.AddSignatureAsync(secretaryVersion.Content, identity, ChairReason, minutes.Place, null, cancellationToken);
        var verification = verifier.Verify(signed);
        var expected = role == MinutesSignatureRole.Secretary ? 1 : 2;
        if (verification.Verdict is SignatureVerdict.Invalid or SignatureVerdict.Unsigned || verification.Signatures.Count != expected
            || !verification.Signatures[^1].CoversWholeDocument)
            throw new UnprocessableException("signature-invalid",
                new Message("Chữ ký số của văn bản không hợp lệ (văn bản bị thay đổi sau khi ký hoặc chữ ký không khớp); văn bản không được lưu."));
        var suffix = role == MinutesSignatureRole.Secretary ? "-thu-ky-da-ky.pdf" : "-da-ky.pdf";
        var document = new SignedMinutesDocument(minutes.Id, role, MinutesDocument.FileName(minutes) + suffix, signed, user.UserId,
            person.Name, clock.GetUtcNow(), verification.Verdict);
        db.SignedMinutes.Add(document);
        await audit.RecordAsync("sessions", "minutes.signed", null, null,
            new { session = minutes.Id, role = role.ToString(), sha256 = document.Sha256, verification = verification.Verdict.ToString() }, cancellationToken);
        return new SignedMinutesSummary(role, person.Name, document.SignedAt, document.Sha256, document.Verification);
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
