namespace Commendations.Features.Documents.Signing;

/// <summary>The RFC 3161 signature time-stamp as CMS carries it (RFC 3161 appendix A; ETSI EN 319 122 / PAdES).</summary>
public static class TimestampToken
{
    /// <summary>id-aa-signatureTimeStampToken: the unsigned attribute of a SignerInfo holding the token.</summary>
    public const string AttributeOid = "1.2.840.113549.1.9.16.2.14";
}
