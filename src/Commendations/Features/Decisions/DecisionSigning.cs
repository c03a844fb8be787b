using System.Text.Json;
using Commendations.Audit;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Decisions;
using Commendations.Domain.Documents;
using Commendations.Engine;
using Commendations.Features.Documents.Pdf;
using Commendations.Features.Documents.Signing;
using Commendations.Persistence;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Decisions;

/// <summary>The decision's signed document as the page and the API show it (the bytes are downloaded separately).</summary>
public sealed record SignedDecisionSummary(string FileName, long SizeBytes, string Sha256, string SignerName, string CertificateName,
    DateTimeOffset SignedAt, SignatureMethod Method, SignatureVerdict Verification)
{
    /// <summary>Whose signature this version added last: the leader's, or the agency's seal.</summary>
    public SignatureRole Role { get; init; }

    /// <summary>Every signature of the stored PDF as the verifier found it: the leader's, then the seal when there is one.</summary>
    public IReadOnlyList<StoredSignature> Signatures { get; init; } = [];
}

/// <summary>One signature of a stored document: the name in its certificate, when it was made, the verdict and any time-stamp.</summary>
public sealed record StoredSignature(string CertificateName, DateTimeOffset? SignedAt, SignatureVerdict Verdict, bool CoversWholeDocument)
{
    public DateTimeOffset? TimestampedAt { get; init; }
}

/// <summary>
/// What every way of signing a decision shares: who may sign it (the provincial leader who issued it, or an
/// administrator) and who may seal it (a clerk of the scope the definition names, or an administrator), the order
/// leader → seal, storing each version of the document of record — verified first, refused when the verification finds
/// it changed or wrongly signed, audited — and the decision taking effect once its last required signature is stored.
/// </summary>
public sealed class DecisionSigning(CommendationsDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock,
    PdfSignatureVerifier verifier, IMediator mediator, DecisionEffect effect, RuntimeContextFactory contexts)
{
    public const string Reason = "Ký ban hành quyết định khen thưởng";
    public const string SealReason = "Đóng dấu cơ quan ban hành";

    /// <summary>The decision to sign, its generated PDF and who signs it — or the refusal that stops it.</summary>
    public async Task<(DecisionDetail Decision, SignerIdentity Signer)> StartAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == decisionId, cancellationToken)
                       ?? throw new NotFoundException(Things.Decision);
        if (decision.IssuedBy != user.UserId && !user.IsInRole(Roles.Administrator))
            throw new ForbiddenException(new Message("Chỉ lãnh đạo đã ký quyết định {0} hoặc quản trị viên mới ký số văn bản này.", decision.Number),
                "not-decision-signer");
        if (decision.LeaderSignature == SignatureNeed.None)
            throw new ConflictException("signing-not-used", new Message("Quy trình của quyết định {0} không dùng chữ ký số.", decision.Number));
        await LockAsync(decisionId, cancellationToken);
        await EnsureNotSignedAsync(decisionId, decision.Number, cancellationToken);
        var userName = await db.Users.AsNoTracking().Where(u => u.Id == decision.IssuedBy).Select(u => u.UserName).SingleOrDefaultAsync(cancellationToken);
        var detail = await mediator.Send(new GetDecision(decisionId), cancellationToken);
        return (detail, new SignerIdentity(decision.SignerName, userName));
    }

    /// <summary>
    /// The decision to seal, its leader-signed document and the clerk who seals — or the refusal: the seal comes after
    /// the leader's signature, once, by a clerk of the scope the definition names (any clerk when it names none).
    /// </summary>
    public async Task<(DecisionDetail Decision, SignedDecisionDocument Signed, SignerIdentity Clerk)> StartSealAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == decisionId, cancellationToken)
                       ?? throw new NotFoundException(Things.Decision);
        if (!user.IsInRole(Roles.Administrator))
            await EnsureSealHolderAsync(decision, cancellationToken);
        await LockAsync(decisionId, cancellationToken);
        var documents = await db.SignedDecisionDocuments.Where(d => d.DecisionId == decisionId).ToListAsync(cancellationToken);
        if (documents.Any(d => d.Role == SignatureRole.Seal))
            throw new ConflictException("decision-already-sealed", new Message("Quyết định {0} đã được đóng dấu; bản đã đóng dấu không được thay thế.", decision.Number));
        var signed = documents.SingleOrDefault(d => d.Role == SignatureRole.Leader)
                     ?? throw new ConflictException("decision-not-signed-yet",
                         new Message("Quyết định {0} chưa có chữ ký số của lãnh đạo; văn thư đóng dấu sau khi lãnh đạo ký.", decision.Number));
        var clerk = await db.Users.AsNoTracking().Where(u => u.Id == user.UserId).Select(u => new { u.UserName, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        var detail = await mediator.Send(new GetDecision(decisionId), cancellationToken);
        return (detail, signed, new SignerIdentity(clerk?.DisplayName ?? user.DisplayName, clerk?.UserName, AgencySeal: true));
    }

    private async Task EnsureSealHolderAsync(Decision decision, CancellationToken cancellationToken)
    {
        var role = decision.SealRole ?? Roles.Clerk;
        if (!user.IsInRole(role))
            throw new ForbiddenException(new Message("Chỉ {0} mới đóng dấu quyết định {1}.", RoleNames.Of(role), decision.Number), "not-seal-holder");
        if (decision.SealScope is not { } scope)
            return;
        var units = await contexts.UnitScopesAsync(null, cancellationToken);
        if (!units.TryGetValue(scope, out var unit) || user.UnitId?.ToString() != unit)
            throw new ForbiddenException(new Message("Chỉ văn thư của cơ quan ban hành mới đóng dấu quyết định {0}.", decision.Number), "not-seal-holder");
    }

    /// <summary>Two signings of one decision at once: the second waits here and then finds the first's document.</summary>
    private Task LockAsync(Guid decisionId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({$"decision-signing/{decisionId}"}, 0))", cancellationToken);

    public async Task EnsureNotSignedAsync(Guid decisionId, string number, CancellationToken cancellationToken)
    {
        if (await db.SignedDecisionDocuments.AnyAsync(d => d.DecisionId == decisionId, cancellationToken))
            throw new ConflictException("decision-already-signed",
                new Message("Quyết định {0} đã có bản ký số; bản đã ký không được ký lại hay thay thế.", number));
    }

    /// <summary>
    /// Verifies <paramref name="signed"/> and stores it as the decision's document of record (the leader's version, or
    /// the sealed one); when it was the last signature the decision waited for, the decision takes effect.
    /// </summary>
    public async Task<SignedDecisionSummary> StoreAsync(DecisionDetail decision, SignerIdentity signer, byte[] signed, SignatureMethod method,
        CancellationToken cancellationToken, SignatureRole role = SignatureRole.Leader)
    {
        var verification = verifier.Verify(signed);
        verification.EnsureNotRevoked();
        // Every signature intact, and the last one — the one just added — covering the whole file: an earlier signature
        // covers the revision it signed, the incremental update after it is the seal's.
        if (verification.Verdict is SignatureVerdict.Invalid or SignatureVerdict.Unsigned || !verification.Signatures[^1].CoversWholeDocument
            || verification.Signatures.Count != (role == SignatureRole.Seal ? 2 : 1))
            throw new UnprocessableException("signature-invalid",
                new Message("Chữ ký số của văn bản không hợp lệ (văn bản bị thay đổi sau khi ký hoặc chữ ký không khớp); văn bản không được lưu."));
        var signatures = verification.Signatures
            .Select(s => new StoredSignature(s.SignerName, s.SignedAt, s.Verdict, s.CoversWholeDocument) { TimestampedAt = s.TimestampedAt }).ToList();
        var suffix = role == SignatureRole.Seal ? "-da-ky-dong-dau.pdf" : "-da-ky.pdf";
        var document = new SignedDecisionDocument(decision.Id, DecisionPdf.FileName(decision.Number).Replace(".pdf", suffix),
            signed, signer.Name, verification.Signatures[^1].SignerName, user.UserId, clock.GetUtcNow(), method, verification.Verdict, role,
            JsonSerializer.Serialize(signatures, StoredJson));
        db.SignedDecisionDocuments.Add(document);
        await audit.RecordAsync("decisions", role == SignatureRole.Seal ? "decision.sealed" : "decision.signed", null, null,
            new { decision = decision.Number, sha256 = document.Sha256, method = method.ToString(), verification = verification.Verdict.ToString() },
            cancellationToken);
        var issued = await db.Decisions.AsNoTracking().SingleAsync(d => d.Id == decision.Id, cancellationToken);
        await effect.TakeEffectIfSignedAsync(issued, role, cancellationToken);
        return Summary(document);
    }

    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static SignedDecisionSummary Summary(SignedDecisionDocument d) =>
        new(d.FileName, d.SizeBytes, d.Sha256, d.SignerName, d.CertificateName, d.SignedAt, d.Method, d.Verification)
        {
            Role = d.Role,
            Signatures = JsonSerializer.Deserialize<List<StoredSignature>>(d.Signatures, StoredJson) ?? [],
        };
}
