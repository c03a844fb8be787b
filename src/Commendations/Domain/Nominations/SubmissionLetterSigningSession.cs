namespace Commendations.Domain.Nominations;

/// <summary>
/// A submission letter prepared for the unit head's external signer (USB token, remote-signing service): the PDF with an
/// empty signature field and the digest to sign, kept until the signature comes back (deferred signing, docs/documents.md).
/// </summary>
public class SubmissionLetterSigningSession
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid NominationId { get; private set; }
    public byte[] PreparedPdf { get; private set; } = [];

    /// <summary>Base64 SHA-256 of the bytes the signature covers (the /ByteRange).</summary>
    public string Digest { get; private set; } = "";
    public Guid RequestedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private SubmissionLetterSigningSession() { }

    public SubmissionLetterSigningSession(Guid nominationId, byte[] preparedPdf, string digest, Guid requestedBy, DateTimeOffset now)
    {
        NominationId = nominationId;
        PreparedPdf = preparedPdf;
        Digest = digest;
        RequestedBy = requestedBy;
        CreatedAt = now;
    }
}
