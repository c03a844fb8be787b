namespace Commendations.Domain.Documents;

/// <summary>What a check of a PDF's signatures concluded (worst signature first: a larger value is worse).</summary>
public enum SignatureVerdict
{
    /// <summary>Intact, correctly signed, the certificate chains to a configured trusted root and was valid when signing.</summary>
    Valid,
    /// <summary>
    /// As valid, but revocation checking is configured and no revocation list of the certificate's issuer could be had:
    /// whether the certificate was revoked is not known. Ordered by how much less it says than valid (the worst verdict wins).
    /// </summary>
    RevocationUnknown,
    /// <summary>Intact and correctly signed, but no trusted roots are configured: who signed is not vouched for.</summary>
    NotCheckedAgainstTrustedRoots,
    /// <summary>Intact and correctly signed, but the certificate does not chain to a trusted root or was not valid when signing.</summary>
    Untrusted,
    /// <summary>Intact, but the certificate had been revoked (by its issuer's revocation list) when the signature was made.</summary>
    Revoked,
    /// <summary>Changed after signing, or the signature does not match: the document cannot be relied on.</summary>
    Invalid,
    /// <summary>The PDF carries no signature.</summary>
    Unsigned,
}

/// <summary>How a document of record was signed: a certificate the server holds, or an external signer (USB token, remote-signing service).</summary>
public enum SignatureMethod
{
    Pkcs12,
    Deferred,
}

/// <summary>Whose signature a version of a decision's document of record carries last: the leader's, then the agency's seal.</summary>
public enum SignatureRole
{
    Leader,
    Seal,
}
