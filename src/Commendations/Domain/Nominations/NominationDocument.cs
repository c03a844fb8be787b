using Commendations.Domain.Catalog;

namespace Commendations.Domain.Nominations;

/// <summary>
/// A dossier document. The bytes live in PostgreSQL (<see cref="DocumentContent"/>, a separate table so lists stay light)
/// with a SHA-256 checksum: one backup covers everything and a transaction covers the upload with its audit entry.
/// </summary>
public class NominationDocument
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int FileNameMaxLength = 255;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid NominationId { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    public int Round { get; private set; }
    public Guid UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public DocumentContent? Content { get; private set; }

    /// <summary>For a PDF that carries signatures, what their check found on upload (a unit's signed submission letter); else null.</summary>
    public Documents.SignatureVerdict? Signature { get; private set; }

    /// <summary>Records the upload-time check of the document's signatures.</summary>
    public void RecordSignatureCheck(Documents.SignatureVerdict verdict) => Signature = verdict == Documents.SignatureVerdict.Unsigned ? null : verdict;

    private NominationDocument() { }

    public NominationDocument(Guid nominationId, DocumentKind kind, string fileName, string contentType, byte[] bytes,
        int round, Guid uploadedBy, DateTimeOffset now)
    {
        NominationId = nominationId;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = bytes.LongLength;
        Sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant();
        Round = round;
        UploadedBy = uploadedBy;
        UploadedAt = now;
        Content = new DocumentContent(Id, bytes);
    }
}

public class DocumentContent
{
    public Guid DocumentId { get; private set; }
    public byte[] Bytes { get; private set; } = [];

    private DocumentContent() { }

    public DocumentContent(Guid documentId, byte[] bytes)
    {
        DocumentId = documentId;
        Bytes = bytes;
    }
}
