namespace Commendations.Features.Documents.Signing;

/// <summary>
/// The certificate authorities a signature must chain to: section <c>Signing</c>, e.g.
/// <c>Signing__TrustedRoots__0=/etc/commendations/ca/rootca-gov-vn.cer</c> (PEM or DER). With none configured a signature
/// can still be intact and correctly made, but is reported "not checked against trusted roots", never "valid".
/// </summary>
public sealed class SignatureTrustOptions
{
    public List<string> TrustedRoots { get; set; } = [];
}
