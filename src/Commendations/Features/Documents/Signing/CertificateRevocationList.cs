using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Commendations.Features.Documents.Signing;

/// <summary>
/// An X.509 certificate revocation list (RFC 5280, 5.1) read with System.Formats.Asn1 — .NET builds CRLs
/// (<see cref="CertificateRevocationListBuilder"/>) but offers no reader, and BouncyCastle is not referenced: who issued it,
/// when, until when the issuer promises the next one, and the revoked serial numbers with their revocation times. The
/// issuer's signature over it is checked by <see cref="IsSignedBy"/> before anything in it is believed.
/// </summary>
public sealed class CertificateRevocationList
{
    private readonly byte[] _tbs;
    private readonly string _algorithm;
    private readonly byte[] _signature;

    public X500DistinguishedName Issuer { get; }
    public DateTimeOffset ThisUpdate { get; }
    public DateTimeOffset? NextUpdate { get; }

    /// <summary>Revoked serial numbers (big-endian, as <see cref="X509Certificate2.SerialNumberBytes"/> gives them, as hex) and when.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Revoked { get; }

    private CertificateRevocationList(byte[] tbs, string algorithm, byte[] signature, X500DistinguishedName issuer, DateTimeOffset thisUpdate,
        DateTimeOffset? nextUpdate, Dictionary<string, DateTimeOffset> revoked)
    {
        (_tbs, _algorithm, _signature, Issuer, ThisUpdate, NextUpdate, Revoked) = (tbs, algorithm, signature, issuer, thisUpdate, nextUpdate, revoked);
    }

    /// <summary>A CRL in DER or PEM ("-----BEGIN X509 CRL-----"); null when it is neither.</summary>
    public static CertificateRevocationList? TryRead(byte[] data)
    {
        try
        {
            return Read(Der(data));
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static byte[] Der(byte[] data)
    {
        var text = System.Text.Encoding.ASCII.GetString(data);
        return text.Contains("-----BEGIN X509 CRL-----", StringComparison.Ordinal)
            ? PemEncoding.Find(text) is var pem && text[pem.Label] == "X509 CRL" ? Convert.FromBase64String(text[pem.Base64Data]) : throw new FormatException()
            : data;
    }

    private static CertificateRevocationList Read(byte[] der)
    {
        var list = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var tbsEncoded = list.PeekEncodedValue().ToArray();
        var tbs = list.ReadSequence();
        var algorithm = list.ReadSequence().ReadObjectIdentifier();
        var signature = list.ReadBitString(out _);

        if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
            tbs.ReadInteger(); // version v2
        tbs.ReadSequence(); // the signature algorithm again, inside what is signed
        var issuer = new X500DistinguishedName(tbs.ReadEncodedValue().Span);
        var thisUpdate = ReadTime(tbs);
        DateTimeOffset? nextUpdate = tbs.HasData && IsTime(tbs.PeekTag()) ? ReadTime(tbs) : null;
        var revoked = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var entries = tbs.ReadSequence();
            while (entries.HasData)
            {
                var entry = entries.ReadSequence();
                var serial = entry.ReadIntegerBytes().ToArray();
                revoked[Convert.ToHexString(serial)] = ReadTime(entry);
            }
        }
        return new CertificateRevocationList(tbsEncoded, algorithm, signature, issuer, thisUpdate, nextUpdate, revoked);
    }

    private static bool IsTime(Asn1Tag tag) => tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();

    /// <summary>Whether <paramref name="issuer"/> issued this list: the same name and its key's signature over the list.</summary>
    public bool IsSignedBy(X509Certificate2 issuer)
    {
        if (!issuer.SubjectName.RawData.AsSpan().SequenceEqual(Issuer.RawData))
            return false;
        var hash = _algorithm switch
        {
            "1.2.840.113549.1.1.11" or "1.2.840.10045.4.3.2" => HashAlgorithmName.SHA256,
            "1.2.840.113549.1.1.12" or "1.2.840.10045.4.3.3" => HashAlgorithmName.SHA384,
            "1.2.840.113549.1.1.13" or "1.2.840.10045.4.3.4" => HashAlgorithmName.SHA512,
            "1.2.840.113549.1.1.5" or "1.2.840.10045.4.1" => HashAlgorithmName.SHA1,
            _ => default,
        };
        if (hash == default)
            return false;
        using var rsa = issuer.GetRSAPublicKey();
        if (rsa is not null)
            return rsa.VerifyData(_tbs, _signature, hash, RSASignaturePadding.Pkcs1);
        using var ecdsa = issuer.GetECDsaPublicKey();
        return ecdsa is not null && ecdsa.VerifyData(_tbs, _signature, hash, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>When <paramref name="certificate"/> was revoked by this list, if it was.</summary>
    public DateTimeOffset? RevocationOf(X509Certificate2 certificate) =>
        Revoked.TryGetValue(Convert.ToHexString(certificate.SerialNumberBytes.Span), out var at) ? at : null;

    /// <summary>The HTTP(S) addresses of the certificate's CRL distribution points (extension 2.5.29.31), in order.</summary>
    public static IReadOnlyList<string> DistributionPoints(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions["2.5.29.31"];
        if (extension is null)
            return [];
        var urls = new List<string>();
        try
        {
            var points = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
            while (points.HasData)
            {
                var point = points.ReadSequence();
                if (!point.HasData || !point.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
                    continue;
                var name = point.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0));
                if (!name.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
                    continue; // a name relative to the issuer, not a URL
                var general = name.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0));
                while (general.HasData)
                {
                    var tag = general.PeekTag();
                    if (tag.HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 6)))
                    {
                        var url = general.ReadCharacterString(UniversalTagNumber.IA5String, new Asn1Tag(TagClass.ContextSpecific, 6));
                        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                            urls.Add(url);
                    }
                    else
                        general.ReadEncodedValue();
                }
            }
        }
        catch (AsnContentException)
        {
            return urls;
        }
        return urls;
    }
}
