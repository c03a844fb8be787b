using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Commendations.Tests.Features.Documents;

/// <summary>
/// An external signer as a USB token's middleware or a remote-signing service behaves: it sees only the digest, never
/// the document, and returns a CMS (PKCS#7 SignedData, detached) whose signed attributes carry that digest as the
/// messageDigest. Written with System.Formats.Asn1 because SignedCms cannot sign a precomputed digest (it hashes the
/// content itself) and BouncyCastle is not referenced by the project.
/// </summary>
public static class DigestOnlySigner
{
    private const string Data = "1.2.840.113549.1.7.1", SignedData = "1.2.840.113549.1.7.2", Sha256 = "2.16.840.1.101.3.4.2.1",
        Rsa = "1.2.840.113549.1.1.1", ContentType = "1.2.840.113549.1.9.3", MessageDigest = "1.2.840.113549.1.9.4", SigningTime = "1.2.840.113549.1.9.5";

    public static byte[] Sign(byte[] digest, X509Certificate2 signer, X509Certificate2? authority, DateTimeOffset signedAt)
    {
        using var key = signer.GetRSAPrivateKey() ?? throw new InvalidOperationException("The signer has no RSA key.");
        // The signature is over the DER of the signed attributes as a SET OF; in the CMS they are stored with tag [0].
        var signature = key.SignData(Attributes(digest, signedAt, Asn1Tag.SetOf), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier(SignedData);
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
            using (w.PushSequence())
            {
                w.WriteInteger(1);
                using (w.PushSetOf())
                    Algorithm(w, Sha256, withNull: false);
                using (w.PushSequence())
                    w.WriteObjectIdentifier(Data);
                using (w.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
                {
                    w.WriteEncodedValue(signer.RawData);
                    if (authority is not null)
                        w.WriteEncodedValue(authority.RawData);
                }
                using (w.PushSetOf())
                using (w.PushSequence())
                {
                    w.WriteInteger(1);
                    using (w.PushSequence())
                    {
                        w.WriteEncodedValue(signer.IssuerName.RawData);
                        w.WriteInteger(signer.SerialNumberBytes.Span);
                    }
                    Algorithm(w, Sha256, withNull: false);
                    w.WriteEncodedValue(Attributes(digest, signedAt, new Asn1Tag(TagClass.ContextSpecific, 0, true)));
                    Algorithm(w, Rsa, withNull: true);
                    w.WriteOctetString(signature);
                }
            }
        }
        return w.Encode();
    }

    private static byte[] Attributes(byte[] digest, DateTimeOffset signedAt, Asn1Tag tag)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSetOf(tag))
        {
            Attribute(w, ContentType, v => v.WriteObjectIdentifier(Data));
            Attribute(w, SigningTime, v => v.WriteUtcTime(signedAt));
            Attribute(w, MessageDigest, v => v.WriteOctetString(digest));
        }
        return w.Encode();
    }

    private static void Attribute(AsnWriter w, string oid, Action<AsnWriter> value)
    {
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier(oid);
            using (w.PushSetOf())
                value(w);
        }
    }

    private static void Algorithm(AsnWriter w, string oid, bool withNull)
    {
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier(oid);
            if (withNull)
                w.WriteNull();
        }
    }
}
