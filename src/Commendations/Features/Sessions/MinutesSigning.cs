using Commendations.Audit;
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
/// Whose turn it is to sign the minutes and on what: the secretary signs the generated PDF in the secretary's place; the
/// chair then signs the secretary's stored version, appended as an incremental update, in the chair's place.
/// </summary>
public sealed record MinutesTurn(SessionMinutes Minutes, MinutesSignatureRole Role, SignerIdentity Signer, SignaturePlace Place, byte[] Document)
{
    /// <summary>The chair's signature is added to a signed document; the secretary's is the first.</summary>
    public bool Appends => Role == MinutesSignatureRole.Chair;

    public string Reason => Role == MinutesSignatureRole.Secretary ? MinutesSigning.SecretaryReason : MinutesSigning.ChairReason;
}

/// <summary>
/// What every way of signing the minutes shares (the server's certificate, or an external signer in two steps): who signs
/// next — the secretary, then the chair, each for themselves and only once the session is closed — and storing each
/// version: verified first, refused when changed or wrongly signed, kept once with its SHA-256 and audited.
/// </summary>
public sealed class MinutesSigning(IMediator mediator, CommendationsDbContext db, PdfSignatureVerifier verifier, ICurrentUser user,
    AuditTrail audit, TimeProvider clock)
{
    public const string SecretaryReason = "Thư ký ký biên bản", ChairReason = "Chủ trì ký biên bản";

    /// <summary>The reader's turn to sign the minutes — or the refusal that says why it is not.</summary>
    public async Task<MinutesTurn> StartAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var minutes = await mediator.Send(new GetSession(sessionId), cancellationToken); // who may read it, or 404
        if (minutes.Status != SessionStatus.Closed)
            throw new ConflictException("minutes-not-final", new Message("Biên bản chỉ được ký số khi phiên họp đã kết thúc."));
        // One signer at a time per session: the second signature is appended to the first.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({$"minutes-signing/{sessionId}"}, 0))", cancellationToken);
        var versions = await db.SignedMinutes.Where(d => d.SessionId == sessionId).ToListAsync(cancellationToken);
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
        return new MinutesTurn(minutes, role, new SignerIdentity(person.Name, userName), place, secretaryVersion?.Content ?? pdf.Content);
    }

    /// <summary>The turn's document prepared for an external signer: a new signature field, or one appended after the secretary's.</summary>
    public async Task<PreparedSignature> PrepareAsync(MinutesTurn turn) => turn.Appends
        ? IncrementalSignature.Prepare(turn.Document, turn.Signer, turn.Reason, turn.Minutes.Place, turn.Place, clock.GetUtcNow())
        : await DeferredSignature.PrepareAsync(turn.Document, turn.Signer, turn.Reason, turn.Minutes.Place, turn.Place, clock.GetUtcNow());

    /// <summary>Verifies the turn's signed version and stores it; a changed or wrongly signed one is refused and nothing is kept.</summary>
    public async Task<SignedMinutesSummary> StoreAsync(MinutesTurn turn, byte[] signed, string method, CancellationToken cancellationToken)
    {
        var verification = verifier.Verify(signed);
        verification.EnsureNotRevoked();
        var expected = turn.Appends ? 2 : 1;
        // Every signature intact, and the one just added covering the whole file (the secretary's covers its revision).
        if (verification.Verdict is SignatureVerdict.Invalid or SignatureVerdict.Unsigned || verification.Signatures.Count != expected
            || !verification.Signatures[^1].CoversWholeDocument)
            throw new UnprocessableException("signature-invalid",
                new Message("Chữ ký số của văn bản không hợp lệ (văn bản bị thay đổi sau khi ký hoặc chữ ký không khớp); văn bản không được lưu."));
        var suffix = turn.Appends ? "-da-ky.pdf" : "-thu-ky-da-ky.pdf";
        var document = new SignedMinutesDocument(turn.Minutes.Id, turn.Role, MinutesDocument.FileName(turn.Minutes) + suffix, signed, user.UserId,
            turn.Signer.Name, clock.GetUtcNow(), verification.Verdict);
        db.SignedMinutes.Add(document);
        await audit.RecordAsync("sessions", "minutes.signed", null, null,
            new { session = turn.Minutes.Id, role = turn.Role.ToString(), method, sha256 = document.Sha256, verification = verification.Verdict.ToString() },
            cancellationToken);
        return new SignedMinutesSummary(turn.Role, turn.Signer.Name, document.SignedAt, document.Sha256, document.Verification);
    }
}
