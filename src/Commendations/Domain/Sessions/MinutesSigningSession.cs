namespace Commendations.Domain.Sessions;

/// <summary>
/// The minutes prepared for the secretary's or the chair's external signer (USB token, remote-signing service): the PDF
/// with an empty signature field — the chair's appended to the secretary's signed version — and the digest to sign, kept
/// until the signature comes back (deferred signing, docs/documents.md). A session is its requester's, for one turn.
/// </summary>
public class MinutesSigningSession
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid SessionId { get; private set; }

    /// <summary>Whose turn it was prepared for: a secretary's session cannot complete the chair's signature.</summary>
    public MinutesSignatureRole Role { get; private set; }
    public byte[] PreparedPdf { get; private set; } = [];

    /// <summary>Base64 SHA-256 of the bytes the signature covers (the /ByteRange).</summary>
    public string Digest { get; private set; } = "";
    public Guid RequestedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private MinutesSigningSession() { }

    public MinutesSigningSession(Guid sessionId, MinutesSignatureRole role, byte[] preparedPdf, string digest, Guid requestedBy, DateTimeOffset now)
    {
        SessionId = sessionId;
        Role = role;
        PreparedPdf = preparedPdf;
        Digest = digest;
        RequestedBy = requestedBy;
        CreatedAt = now;
    }
}
