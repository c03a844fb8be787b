using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Commendations.Testing;

/// <summary>
/// A test certificate authority that keeps its key, so it can also revoke: it issues signers (optionally naming a CRL
/// distribution point in their certificates) and publishes certificate revocation lists with .NET's own
/// <see cref="CertificateRevocationListBuilder"/> — what a province's CA does when a leader's token is lost.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private readonly RSA _key = RSA.Create(2048);
    private BigInteger _crlNumber = 1;

    public X509Certificate2 Certificate { get; }

    public TestCertificateAuthority(string name = "CA thử nghiệm thu hồi")
    {
        var now = DateTimeOffset.UtcNow;
        var request = new CertificateRequest($"CN={name}, O=Commendations tests, C=VN", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Certificate = request.CreateSelfSigned(now.AddYears(-3), now.AddYears(4));
    }

    /// <summary>The CA's certificate (DER) in <paramref name="folder"/>: what a host configures as a trusted root.</summary>
    public string WriteRoot(string folder)
    {
        var path = Path.Combine(folder, "revoking-ca.cer");
        File.WriteAllBytes(path, Certificate.RawData);
        return path;
    }

    /// <summary>A signer's certificate with its key as a .p12 in <paramref name="folder"/>; <paramref name="crlUrl"/> goes into its CRL distribution points.</summary>
    public (string Path, X509Certificate2 Certificate) Issue(string folder, string commonName, string password, string? crlUrl = null)
    {
        var now = DateTimeOffset.UtcNow;
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}, O=Ủy ban nhân dân tỉnh Lam Giang, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        if (crlUrl is not null)
            request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([crlUrl]));
        using var issued = request.Create(Certificate, now.AddYears(-2), now.AddYears(3), RandomNumberGenerator.GetBytes(16));
        using var withKey = issued.CopyWithPrivateKey(key);
        var path = System.IO.Path.Combine(folder, $"{Guid.NewGuid():N}.p12");
        File.WriteAllBytes(path, new X509Certificate2Collection { withKey, X509CertificateLoader.LoadCertificate(Certificate.RawData) }.Export(X509ContentType.Pkcs12, password)!);
        return (path, X509CertificateLoader.LoadCertificate(issued.RawData));
    }

    /// <summary>A CRL (DER) the CA signs, revoking each certificate at its time; valid from an hour ago for a day.</summary>
    public byte[] Crl(params (X509Certificate2 Certificate, DateTimeOffset RevokedAt)[] revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var (certificate, at) in revoked)
            builder.AddEntry(certificate, at, X509RevocationReason.KeyCompromise);
        var now = DateTimeOffset.UtcNow;
        // The self-signed certificate carries the CA's key.
        return builder.Build(Certificate, _crlNumber++, now.AddDays(1), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, now.AddHours(-1));
    }

    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }
}
