using System.Security.Cryptography;
using Commendations.Domain.Documents;

namespace Commendations.Domain.Sessions;

/// <summary>Who has signed a stored version of the minutes: the secretary first, then the chair over it.</summary>
public enum MinutesSignatureRole
{
    Secretary,
    Chair,
}

/// <summary>
/// A digitally signed version of a council session's minutes (biên bản): the secretary's, then the chair's appended to it
/// as an incremental update, so both signatures stay valid. Stored once with its SHA-256 and never changed (a trigger
/// refuses updates and deletes); the chair's version is the document of record.
/// </summary>
public class SignedMinutesDocument
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid SessionId { get; private set; }
    public MinutesSignatureRole Role { get; private set; }
    public string FileName { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public string Sha256 { get; private set; } = "";
    public Guid SignedBy { get; private set; }
    public string SignerName { get; private set; } = "";
    public DateTimeOffset SignedAt { get; private set; }
    public SignatureVerdict Verification { get; private set; }

    private SignedMinutesDocument()
    {
    }

    public SignedMinutesDocument(Guid sessionId, MinutesSignatureRole role, string fileName, byte[] content, Guid signedBy, string signerName,
        DateTimeOffset signedAt, SignatureVerdict verification)
    {
        SessionId = sessionId;
        Role = role;
        FileName = fileName;
        Content = content;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        SignedBy = signedBy;
        SignerName = signerName;
        SignedAt = signedAt;
        Verification = verification;
    }
}
