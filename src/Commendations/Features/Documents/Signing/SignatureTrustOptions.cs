namespace Commendations.Features.Documents.Signing;

/// <summary>
/// The certificate authorities a signature must chain to: section <c>Signing</c>, e.g.
/// <c>Signing__TrustedRoots__0=/etc/commendations/ca/rootca-gov-vn.cer</c> (PEM or DER). With none configured a signature
/// can still be intact and correctly made, but is reported "not checked against trusted roots", never "valid".
/// </summary>
public sealed class SignatureTrustOptions
{
    public List<string> TrustedRoots { get; set; } = [];

    /// <summary>How the signer's certificate is checked for revocation (<see cref="RevocationOptions"/>); off by default.</summary>
    public RevocationOptions Revocation { get; set; } = new();
}

/// <summary>
/// Revocation checking by certificate revocation lists: <c>Signing__Revocation__CrlFiles__0=/etc/commendations/crl/ca.crl</c>
/// (DER or PEM, replaced by the host as the authority publishes new ones) and, with
/// <c>Signing__Revocation__FetchFromCertificate=true</c>, the lists the certificate's own CRL distribution points name,
/// fetched over HTTP. Once either is set, every signer's certificate must be covered by a list its issuer signed, or the
/// verdict says that revocation could not be checked.
/// </summary>
public sealed class RevocationOptions
{
    public List<string> CrlFiles { get; set; } = [];

    public bool FetchFromCertificate { get; set; }

    /// <summary>How long to wait for a distribution point; a slow one counts as unavailable.</summary>
    public int TimeoutSeconds { get; set; } = 5;

    /// <summary>How long a fetched list is kept when it names no next update (otherwise until its next update).</summary>
    public int CacheMinutes { get; set; } = 60;

    public bool Enabled => FetchFromCertificate || CrlFiles.Any(f => !string.IsNullOrWhiteSpace(f));
}
