using Commendations.Common.Text;
using Commendations.Domain.Catalog;
using Commendations.Domain.Documents;
using Commendations.Domain.Nominations;
using Commendations.Domain.Sessions;
using Commendations.Features.Documents.Signing;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Forwarding;

/// <summary>The signed documents a dossier sent upward is expected to carry (the manifest names them by these keys).</summary>
public enum DossierDocument
{
    /// <summary>The council's minutes (biên bản) of the session that voted on the nomination.</summary>
    Minutes,
    /// <summary>The commendation office's appraisal report (báo cáo kết quả thẩm định).</summary>
    AppraisalReport,
    /// <summary>The unit's submission letter (tờ trình).</summary>
    SubmissionLetter,
    /// <summary>The provincial decision (quyết định) the nomination is listed in, when the province decided on it.</summary>
    ProvincialDecision,
}

/// <param name="Path">Where it lies in the package (null when missing).</param>
/// <param name="Content">Its bytes as stored (null when missing).</param>
/// <param name="Signature">What the check of its signatures finds now, when the package is built (null when missing).</param>
/// <param name="Missing">Why it is not in the package (null when it is).</param>
public sealed record SignedDocumentOfRecord(DossierDocument Document, string? Path, byte[]? Content, SignatureVerdict? Signature, Message? Missing)
{
    public bool Included => Content is not null;
}

/// <summary>
/// Reads the signed documents the system keeps for a nomination, from the tables where the signed versions are stored:
/// the newest signed version of the minutes of the last closed council session that had it on its agenda
/// (<c>signed_minutes_documents</c>), the newest signed submission letter of the dossier (<c>nomination_documents</c>,
/// the one whose signature was checked on upload), the provincial decision's document of record
/// (<c>signed_decision_documents</c>, sealed when sealed). Each is verified again as the package is built (a certificate
/// revoked since shows so). The appraisal report is generated on request and never stored signed, so it is always
/// reported missing with that reason: a receiver sees what is absent rather than a silent gap.
/// </summary>
public sealed class SignedDocumentsOfRecord(CommendationsDbContext db, PdfSignatureVerifier verifier)
{
    /// <param name="uploadedPaths">The package path of each uploaded dossier document, by its id (the signed letter is not copied twice).</param>
    public async Task<IReadOnlyList<SignedDocumentOfRecord>> ReadAsync(Nomination nomination, IReadOnlyDictionary<Guid, string> uploadedPaths,
        CancellationToken cancellationToken) =>
    [
        await MinutesAsync(nomination.Id, cancellationToken),
        new(DossierDocument.AppraisalReport, null, null, null,
            new Message("Hệ thống lập báo cáo thẩm định khi cần nhưng không lưu bản đã ký số; gửi kèm bản đã ký theo cách khác.")),
        await SubmissionLetterAsync(nomination.Id, uploadedPaths, cancellationToken),
        await DecisionAsync(nomination.DecisionId, cancellationToken),
    ];

    private async Task<SignedDocumentOfRecord> MinutesAsync(Guid nominationId, CancellationToken cancellationToken)
    {
        var session = await db.CouncilSessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Closed && s.Agenda.Any(a => a.NominationId == nominationId))
            .OrderByDescending(s => s.ClosedAt).Select(s => new { s.Id }).FirstOrDefaultAsync(cancellationToken);
        if (session is null)
            return Missing(DossierDocument.Minutes, new Message("Hồ sơ chưa được Hội đồng xét tại phiên họp nào nên không có biên bản."));
        // The chair signs over the secretary's version: the newest version carries both signatures.
        // (The role is stored as text, so the order is taken in memory.)
        var signed = (await db.SignedMinutes.AsNoTracking().Where(d => d.SessionId == session.Id)
            .Select(d => new { d.Role, d.SignedAt, d.FileName, d.Content }).ToListAsync(cancellationToken))
            .OrderByDescending(d => d.Role).ThenByDescending(d => d.SignedAt).FirstOrDefault();
        return signed is null
            ? Missing(DossierDocument.Minutes, new Message("Biên bản phiên họp của Hội đồng chưa được ký số."))
            : Included(DossierDocument.Minutes, $"signed/{DossierPackage.Safe(signed.FileName)}", signed.Content);
    }

    private async Task<SignedDocumentOfRecord> SubmissionLetterAsync(Guid nominationId, IReadOnlyDictionary<Guid, string> uploadedPaths,
        CancellationToken cancellationToken)
    {
        var letter = await db.Documents.AsNoTracking()
            .Where(d => d.NominationId == nominationId && d.Kind == DocumentKind.SubmissionLetter && d.Signature != null)
            .OrderByDescending(d => d.UploadedAt).Select(d => new { d.Id, Bytes = d.Content!.Bytes }).FirstOrDefaultAsync(cancellationToken);
        return letter is null || !uploadedPaths.TryGetValue(letter.Id, out var path)
            ? Missing(DossierDocument.SubmissionLetter, new Message("Hồ sơ chưa có tờ trình đã ký số của đơn vị."))
            : Included(DossierDocument.SubmissionLetter, path, letter.Bytes);
    }

    private async Task<SignedDocumentOfRecord> DecisionAsync(Guid? decisionId, CancellationToken cancellationToken)
    {
        if (decisionId is null)
            return Missing(DossierDocument.ProvincialDecision, new Message("Không có quyết định khen thưởng của tỉnh cho hồ sơ này."));
        // The document of record is the latest version: sealed when the clerk has sealed it, else the leader's.
        var signed = (await db.SignedDecisionDocuments.AsNoTracking().Where(d => d.DecisionId == decisionId)
            .Select(d => new { d.Role, d.FileName, d.Content }).ToListAsync(cancellationToken)).MaxBy(d => d.Role);
        return signed is null
            ? Missing(DossierDocument.ProvincialDecision, new Message("Quyết định khen thưởng của tỉnh chưa có bản đã ký số."))
            : Included(DossierDocument.ProvincialDecision, $"signed/{DossierPackage.Safe(signed.FileName)}", signed.Content);
    }

    private SignedDocumentOfRecord Included(DossierDocument document, string path, byte[] content) =>
        new(document, path, content, verifier.Verify(content).Verdict, null);

    private static SignedDocumentOfRecord Missing(DossierDocument document, Message reason) => new(document, null, null, null, reason);

    /// <summary>The document's name for a person.</summary>
    public static Message Name(DossierDocument document) => document switch
    {
        DossierDocument.Minutes => new Message("Biên bản họp xét của Hội đồng"),
        DossierDocument.AppraisalReport => new Message("Báo cáo kết quả thẩm định"),
        DossierDocument.SubmissionLetter => new Message("Tờ trình của đơn vị"),
        _ => new Message("Quyết định khen thưởng của tỉnh"),
    };
}
