using Commendations.Audit;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Decisions;
using Commendations.Domain.Documents;
using Commendations.Features.Documents.Pdf;
using Commendations.Features.Documents.Signing;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Decisions;

/// <summary>The decision's signed document as the page and the API show it (the bytes are downloaded separately).</summary>
public sealed record SignedDecisionSummary(string FileName, long SizeBytes, string Sha256, string SignerName, string CertificateName,
    DateTimeOffset SignedAt, SignatureMethod Method, SignatureVerdict Verification);

/// <summary>
/// What every way of signing a decision shares: who may sign it (the provincial leader who issued it, or an
/// administrator), that it is signed once, and storing the document of record — verified first, refused when the
/// verification finds it changed or wrongly signed, audited.
/// </summary>
public sealed class DecisionSigning(CommendationsDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock,
    PdfSignatureVerifier verifier, IMediator mediator)
{
    public const string Reason = "Ký ban hành quyết định khen thưởng";

    /// <summary>The decision to sign, its generated PDF and who signs it — or the refusal that stops it.</summary>
    public async Task<(DecisionDetail Decision, SignerIdentity Signer)> StartAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == decisionId, cancellationToken)
                       ?? throw new NotFoundException(Things.Decision);
        if (decision.IssuedBy != user.UserId && !user.IsInRole(Roles.Administrator))
            throw new ForbiddenException(new Message("Chỉ lãnh đạo đã ký quyết định {0} hoặc quản trị viên mới ký số văn bản này.", decision.Number),
                "not-decision-signer");
        // Two signings of one decision at once: the second waits here and then finds the first's document.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({$"decision-signing/{decisionId}"}, 0))", cancellationToken);
        await EnsureNotSignedAsync(decisionId, decision.Number, cancellationToken);
        var userName = await db.Users.AsNoTracking().Where(u => u.Id == decision.IssuedBy).Select(u => u.UserName).SingleOrDefaultAsync(cancellationToken);
        var detail = await mediator.Send(new GetDecision(decisionId), cancellationToken);
        return (detail, new SignerIdentity(decision.SignerName, userName));
    }

    public async Task EnsureNotSignedAsync(Guid decisionId, string number, CancellationToken cancellationToken)
    {
        if (await db.SignedDecisionDocuments.AnyAsync(d => d.DecisionId == decisionId, cancellationToken))
            throw new ConflictException("decision-already-signed",
                new Message("Quyết định {0} đã có bản ký số; bản đã ký không được ký lại hay thay thế.", number));
    }

    /// <summary>Verifies <paramref name="signed"/> and stores it as the decision's document of record.</summary>
    public async Task<SignedDecisionSummary> StoreAsync(DecisionDetail decision, SignerIdentity signer, byte[] signed, SignatureMethod method,
        CancellationToken cancellationToken)
    {
        var verification = verifier.Verify(signed);
        if (verification.Verdict is SignatureVerdict.Invalid or SignatureVerdict.Unsigned || verification.Signatures.Any(s => !s.CoversWholeDocument))
            throw new UnprocessableException("signature-invalid",
                new Message("Chữ ký số của văn bản không hợp lệ (văn bản bị thay đổi sau khi ký hoặc chữ ký không khớp); văn bản không được lưu."));
        var document = new SignedDecisionDocument(decision.Id, DecisionPdf.FileName(decision.Number).Replace(".pdf", "-da-ky.pdf"),
            signed, signer.Name, verification.Signatures[^1].SignerName, user.UserId, clock.GetUtcNow(), method, verification.Verdict);
        db.SignedDecisionDocuments.Add(document);
        await audit.RecordAsync("decisions", "decision.signed", null, null,
            new { decision = decision.Number, sha256 = document.Sha256, method = method.ToString(), verification = verification.Verdict.ToString() },
            cancellationToken);
        return Summary(document);
    }

    public static SignedDecisionSummary Summary(SignedDecisionDocument d) =>
        new(d.FileName, d.SizeBytes, d.Sha256, d.SignerName, d.CertificateName, d.SignedAt, d.Method, d.Verification);
}
