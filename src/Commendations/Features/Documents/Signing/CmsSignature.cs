using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Commendations.Features.Documents.Signing;

/// <summary>
/// The detached CMS (adbe.pkcs7.detached) over the bytes a signature's /ByteRange covers, made by .NET's SignedCms:
/// SHA-256, the signing time as a signed attribute, the signer's certificate included.
/// </summary>
internal static class CmsSignature
{
    public static byte[] Sign(byte[] covered, X509Certificate2 certificate, DateTimeOffset now)
    {
        var cms = new SignedCms(new ContentInfo(covered), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(now.UtcDateTime));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }
}
