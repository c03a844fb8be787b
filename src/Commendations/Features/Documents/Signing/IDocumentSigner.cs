namespace Commendations.Features.Documents.Signing;

/// <summary>
/// Who signs: the person's name as the document prints it and, when the signer is a user of the system, their user name
/// (which picks their certificate). <see cref="UserName"/> null means the office's certificate. <see cref="AgencySeal"/>:
/// the signature is the agency's seal (the clerk applies it), made with the seal's certificate when one is configured.
/// <see cref="Organisation"/>: the organisation (O) the signer's certificate names, printed in the visible signature; known
/// when the server holds the certificate, unknown (null) to a deferred signature prepared before the signer's CMS exists.
/// </summary>
public sealed record SignerIdentity(string Name, string? UserName = null, bool AgencySeal = false)
{
    public string? Organisation { get; init; }
}

/// <summary>
/// Signs a PDF on behalf of a person: a PAdES-style detached CMS signature over the whole file (PDF signature field with
/// /ByteRange), so any reader — Adobe Reader, Foxit, poppler's pdfsig — can check that nothing changed after signing.
/// One interface for every way of signing (issue 19): a PKCS#12 certificate held by the server
/// (<see cref="Pkcs12DocumentSigner"/>) now; deferred signing with a USB token or a remote-signing service later.
/// </summary>
public interface IDocumentSigner
{
    /// <summary>
    /// The signed document. <paramref name="reason"/> and <paramref name="location"/> go into the signature dictionary;
    /// with a <paramref name="place"/> the signature is also shown there (who signed, when), else it is invisible.
    /// </summary>
    Task<byte[]> SignAsync(byte[] pdf, SignerIdentity signer, string reason, string location, SignaturePlace? place = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a signature to a document that is already signed (the agency's seal after the leader's signature) as an
    /// incremental update, so the earlier signatures stay valid (<see cref="IncrementalSignature"/>).
    /// </summary>
    Task<byte[]> AddSignatureAsync(byte[] signedPdf, SignerIdentity signer, string reason, string location, SignaturePlace? place = null,
        CancellationToken cancellationToken = default);
}

/// <summary>
/// Where a document shows its signature: a page (from 0) and a box in points from the page's top left corner — e.g. the
/// room between the signer's title and name in a decision's signature block (<c>DecisionPdf.Generate</c>).
/// </summary>
public sealed record SignaturePlace(int PageIndex, double Left, double Top, double Width, double Height);
