using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Commendations.Testing;

/// <summary>
/// A test certificate authority and a signer it issues, made on the fly (nothing in the repository): what a province's
/// CA would hand a leader, as a password-protected PKCS#12 file.
/// </summary>
public static class TestCertificates
{
    /// <summary>The CA's certificate (DER) written next to the .p12 by <see cref="SignerPkcs12"/>: what a host configures as a trusted root.</summary>
    public static string AuthorityOf(string folder) => Path.Combine(folder, "ca.cer");

    /// <summary>Writes the signer's certificate, its private key and the CA's certificate to a .p12 in <paramref name="folder"/>.</summary>
    public static string SignerPkcs12(string folder, string commonName, string password)
    {
        // Valid across every date the tests' clocks are set to (2025–2028), not only around today: a signature's time is the
        // application's clock, and the verifier judges the certificate at that time.
        var now = DateTimeOffset.UtcNow;
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=CA thử nghiệm Lam Giang, O=Commendations tests, C=VN", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddYears(-3), now.AddYears(4));

        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}, O=Ủy ban nhân dân tỉnh Lam Giang, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using var issued = request.Create(ca, now.AddYears(-2), now.AddYears(3), RandomNumberGenerator.GetBytes(16));
        using var signer = issued.CopyWithPrivateKey(key);

        File.WriteAllBytes(AuthorityOf(folder), ca.RawData);
        var path = Path.Combine(folder, "signer.p12");
        File.WriteAllBytes(path, new X509Certificate2Collection { signer, X509CertificateLoader.LoadCertificate(ca.RawData) }.Export(X509ContentType.Pkcs12, password)!);
        return path;
    }
}
