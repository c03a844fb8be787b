using Commendations.Audit;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Catalog;
using Commendations.Domain.Documents;
using Commendations.Domain.Nominations;
using Commendations.Features.Documents.Signing;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Documents.SubmissionLetters;

/// <summary>The signed letter as stored: its file and check, and the dossiers it was added to.</summary>
public sealed record SignedSubmissionLetter(string FileName, long SizeBytes, string Sha256, string SignerName, SignatureVerdict Verification,
    IReadOnlyList<Guid> NominationIds);

/// <summary>
/// What every way of signing a submission letter shares. The signer is the head of the nomination's unit — a user with
/// the unit head role in that unit, never the officer on their behalf — and the letter is signed while the unit still
/// holds the dossier (draft or returned). The signed PDF is verified, refused if changed or wrongly signed, and added
/// as the submission letter (<see cref="DocumentKind.SubmissionLetter"/>) of every dossier it covers that the unit
/// still holds, with the check's result; each addition is audited on its nomination.
/// </summary>
public sealed class SubmissionLetterSigning(SubmissionLetters letters, CommendationsDbContext db, ICurrentUser user, AuditTrail audit,
    TimeProvider clock, PdfSignatureVerifier verifier)
{
    public const string Reason = "Ký tờ trình đề nghị khen thưởng";
    public const string FileName = "to-trinh-da-ky.pdf";

    /// <summary>The letter to sign, dated today and naming the signer, and who signs — or the refusal that stops it.</summary>
    public async Task<(DraftedLetter Letter, SignerIdentity Signer)> StartAsync(Guid nominationId, CancellationToken cancellationToken)
    {
        var me = await db.Users.AsNoTracking().Where(u => u.Id == user.UserId)
            .Select(u => new UnitHead(u.Id, u.UserName!, u.DisplayName, u.Title)).SingleAsync(cancellationToken);
        var drafted = await letters.DraftAsync(nominationId, me, cancellationToken);
        if (!user.IsInRole(Roles.UnitHead) || user.UnitId != drafted.Nomination.UnitId)
            throw new ForbiddenException(new Message("Chỉ thủ trưởng của đơn vị đề nghị mới ký số tờ trình của đơn vị."));
        if (!drafted.Nomination.IsEditableByUnit)
            throw new ConflictException("not-editable",
                new Message("Hồ sơ đang ở trạng thái “{0}” nên không thêm tờ trình được.", Names.Status(drafted.Nomination.Status)));
        return (drafted, new SignerIdentity(me.Name, me.UserName));
    }

    public async Task<SignedSubmissionLetter> StoreAsync(DraftedLetter drafted, SignerIdentity signer, byte[] signed, string method,
        CancellationToken cancellationToken)
    {
        var verification = verifier.Verify(signed);
        verification.EnsureNotRevoked();
        if (verification.Verdict is SignatureVerdict.Invalid or SignatureVerdict.Unsigned || verification.Signatures.Any(s => !s.CoversWholeDocument))
            throw new UnprocessableException("signature-invalid",
                new Message("Chữ ký số của văn bản không hợp lệ (văn bản bị thay đổi sau khi ký hoặc chữ ký không khớp); văn bản không được lưu."));
        var now = clock.GetUtcNow();
        var added = new List<Guid>();
        string sha256 = "";
        foreach (var nomination in drafted.Covered.Where(n => n.IsEditableByUnit))
        {
            var document = new NominationDocument(nomination.Id, DocumentKind.SubmissionLetter, FileName, "application/pdf", signed, nomination.Round, user.UserId, now);
            document.RecordSignatureCheck(verification.Verdict);
            db.Documents.Add(document);
            sha256 = document.Sha256;
            added.Add(nomination.Id);
            await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), "submission-letter.signed", nomination.CurrentStep, null,
                new { document = document.Id, fileName = FileName, document.SizeBytes, document.Sha256, method, verification = verification.Verdict.ToString() },
                cancellationToken);
        }
        return new SignedSubmissionLetter(FileName, signed.LongLength, sha256, signer.Name, verification.Verdict, added);
    }
}
