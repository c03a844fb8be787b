namespace Commendations.Features.Documents.Signing;

/// <summary>
/// Who signs: the person's name as the document prints it and, when the signer is a user of the system, their user name
/// (which picks their certificate). <see cref="UserName"/> null means the office's certificate (e.g. the agency's seal).
/// </summary>
public sealed record SignerIdentity(string Name, string? UserName = null);

/// <summary>
/// Signs a PDF on behalf of a person: a PAdES-style detached CMS signature over the whole file (PDF signature field with
/// /ByteRange), so any reader — Adobe Reader, Foxit, poppler's pdfsig — can check that nothing changed after signing.
/// One interface for every way of signing (issue 19): a PKCS#12 certificate held by the server
/// (<see cref="Pkcs12DocumentSigner"/>) now; deferred signing with a USB token or a remote-signing service later.
/// </summary>
public interface IDocumentSigner
{
    /// <summary>The signed document. <paramref name="reason"/> and <paramref name="location"/> go into the signature dictionary.</summary>
    Task<byte[]> SignAsync(byte[] pdf, SignerIdentity signer, string reason, string location, CancellationToken cancellationToken = default);
}
