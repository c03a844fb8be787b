using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Commendations.Common.Errors;
using Commendations.Common.Text;
using Microsoft.Extensions.Options;
using Commendations.Features.Documents.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace Commendations.Features.Documents.Signing;

/// <summary>
/// Signs with a PKCS#12 certificate the server holds for the signer (<see cref="Pkcs12SigningOptions"/>), through
/// PDFsharp's signature support: SHA-256, the CMS signature made by .NET's SignedCms (<see cref="CmsSignature"/>),
/// time-stamped when an authority is configured. The file is read for every signature, so a renewed certificate is
/// used as soon as it replaces the old one. A further signature (the seal) is appended (<see cref="IncrementalSignature"/>).
/// </summary>
public sealed class Pkcs12DocumentSigner(IOptions<Pkcs12SigningOptions> options, TimeProvider clock, SignatureTimestamper? timestamper = null) : IDocumentSigner
{
    public async Task<byte[]> SignAsync(byte[] pdf, SignerIdentity signer, string reason, string location, SignaturePlace? place = null,
        CancellationToken cancellationToken = default)
    {
        using var certificate = Load(signer);
        signer = signer with { Organisation = CertificateNames.Organisation(certificate) };
        // The deferred path with the server as the external signer: PDFsharp writes the field and the /ByteRange around
        // a reserve, the CMS (time-stamped when an authority is configured) fills it.
        var prepared = await DeferredSignature.PrepareAsync(pdf, signer, reason, location, place, clock.GetUtcNow());
        return await SignedAsync(prepared, certificate, cancellationToken);
    }

    public async Task<byte[]> AddSignatureAsync(byte[] signedPdf, SignerIdentity signer, string reason, string location, SignaturePlace? place = null,
        CancellationToken cancellationToken = default)
    {
        using var certificate = Load(signer);
        signer = signer with { Organisation = CertificateNames.Organisation(certificate) };
        var prepared = IncrementalSignature.Prepare(signedPdf, signer, reason, location, place, clock.GetUtcNow());
        return await SignedAsync(prepared, certificate, cancellationToken);
    }

    private async Task<byte[]> SignedAsync(PreparedSignature prepared, X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        var cms = await Timestamper.AddToAsync(CmsSignature.Sign(DeferredSignature.Covered(prepared.Pdf, out _), certificate, clock.GetUtcNow()), cancellationToken);
        return DeferredSignature.Embed(prepared.Pdf, cms);
    }

    /// <summary>Without an authority configured (or in tests that build the signer by hand) signatures carry no time-stamp.</summary>
    private SignatureTimestamper Timestamper => timestamper ?? new SignatureTimestamper(Options.Create(new SignatureTimestampOptions()));

    private X509Certificate2 Load(SignerIdentity signer)
    {
        var settings = options.Value;
        var seal = signer.AgencySeal && settings.Seal is { Path.Length: > 0 } ? settings.Seal : null;
        var file = seal ?? (signer.UserName is { } user && settings.Certificates.TryGetValue(user, out var own) ? own : null) ?? settings.Default;
        if (file is null || string.IsNullOrWhiteSpace(file.Path))
            throw Refused(new Message("Chưa có chứng thư số để ký thay mặt {0}.", signer.Name));
        X509Certificate2 certificate;
        try
        {
            // Ephemeral: the private key stays in memory, never in a key store on the server's disk.
            certificate = X509CertificateLoader.LoadPkcs12FromFile(file.Path, file.Password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw Refused(new Message("Không đọc được chứng thư số của {0}: tệp hoặc mật khẩu không đúng.", signer.Name));
        }
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw Refused(new Message("Tệp chứng thư số của {0} không có khóa bí mật để ký.", signer.Name));
        }
        return certificate;
    }

    private static UnprocessableException Refused(Message text) => new UnprocessableException("no-signing-certificate", text);
}
