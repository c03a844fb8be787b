using Commendations.Domain.Documents;

namespace Commendations.Domain.Decisions;

/// <summary>
/// The decision's document of record: the signed PDF itself (bytes in PostgreSQL, like dossier documents, so one backup
/// and one transaction cover it with its audit entry), its SHA-256, who signed, when and how, and what the verification
/// found before it was stored. At most one per decision and role — the leader's signed PDF, then the same PDF with the
/// agency's seal appended — and never changed (a trigger refuses updates and deletes). The latest is the record.
/// </summary>
public class SignedDecisionDocument
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DecisionId { get; private set; }
    public string FileName { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public string SignerName { get; private set; } = "";

    /// <summary>The name in the signing certificate, as the verifier read it.</summary>
    public string CertificateName { get; private set; } = "";
    public Guid SignedBy { get; private set; }
    public DateTimeOffset SignedAt { get; private set; }
    public SignatureMethod Method { get; private set; }
    public SignatureVerdict Verification { get; private set; }

    /// <summary>Whose signature this version added: the leader's, or the agency's seal on top of it.</summary>
    public SignatureRole Role { get; private set; }

    /// <summary>Every signature of the PDF as the verifier found it when it was stored (who, when, verdict), as JSON.</summary>
    public string Signatures { get; private set; } = "[]";

    private SignedDecisionDocument() { }

    public SignedDecisionDocument(Guid decisionId, string fileName, byte[] content, string signerName, string certificateName, Guid signedBy,
        DateTimeOffset signedAt, SignatureMethod method, SignatureVerdict verification, SignatureRole role = SignatureRole.Leader, string signatures = "[]")
    {
        Role = role;
        Signatures = signatures;
        DecisionId = decisionId;
        FileName = fileName;
        Content = content;
        SizeBytes = content.LongLength;
        Sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content)).ToLowerInvariant();
        SignerName = signerName;
        CertificateName = certificateName;
        SignedBy = signedBy;
        SignedAt = signedAt;
        Method = method;
        Verification = verification;
    }
}

/// <summary>
/// A deferred signature under way: the decision prepared with an empty signature field, waiting for the external signer's
/// CMS over <see cref="Digest"/>. Removed once the signed document is stored.
/// </summary>
public class DecisionSigningSession
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DecisionId { get; private set; }
    public byte[] PreparedPdf { get; private set; } = [];

    /// <summary>Base64 SHA-256 of the bytes the signature covers (the /ByteRange).</summary>
    public string Digest { get; private set; } = "";
    public Guid RequestedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The signature being prepared: the leader's, or the seal added to the leader-signed PDF.</summary>
    public SignatureRole Role { get; private set; }

    private DecisionSigningSession() { }

    public DecisionSigningSession(Guid decisionId, byte[] preparedPdf, string digest, Guid requestedBy, DateTimeOffset now, SignatureRole role = SignatureRole.Leader)
    {
        Role = role;
        DecisionId = decisionId;
        PreparedPdf = preparedPdf;
        Digest = digest;
        RequestedBy = requestedBy;
        CreatedAt = now;
    }
}
