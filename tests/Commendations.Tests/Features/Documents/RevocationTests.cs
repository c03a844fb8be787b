using System.Net;
using System.Net.Sockets;
using Commendations.Common.Errors;
using Commendations.Common.Text;
using Commendations.Domain.Documents;
using Commendations.Features.Documents.Pdf;
using Commendations.Features.Documents.Signing;
using Commendations.Testing;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Commendations.Tests.Features.Documents;

/// <summary>
/// Revocation: the verifier checks the signer's certificate against the revocation lists its issuer publishes — files the
/// host configures, or the list the certificate's distribution point names, fetched over HTTP — so a signature made with
/// a certificate revoked before it is reported as such (and never stored as a document of record), one made before a
/// later revocation stays valid, and a list that cannot be had is said, never taken as "valid".
/// </summary>
public class RevocationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("revocation-").FullName;
    private readonly TestCertificateAuthority _ca = new();

    public void Dispose()
    {
        _ca.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A one-page PDF signed now by a signer the test CA issued.</summary>
    private async Task<byte[]> SignedByAsync(string p12)
    {
        EmbeddedFonts.Install();
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
            gfx.DrawString("BIÊN BẢN họp Hội đồng", new XFont(EmbeddedFonts.Family, 14, XFontStyleEx.Bold, new XPdfFontOptions(PdfFontEncoding.Unicode)),
                XBrushes.Black, new XPoint(100, 100));
        using var stream = new MemoryStream();
        await document.SaveAsync(stream, false);
        var signer = new Pkcs12DocumentSigner(Options.Create(new Pkcs12SigningOptions { Default = new Pkcs12Certificate { Path = p12, Password = "mk" } }), TimeProvider.System);
        return await signer.SignAsync(stream.ToArray(), new SignerIdentity("Hoàng Văn Dũng"), "Ký biên bản", "Lam Giang");
    }

    private PdfSignatureVerifier Verifier(RevocationOptions revocation)
    {
        var options = Options.Create(new SignatureTrustOptions { TrustedRoots = [_ca.WriteRoot(_folder)], Revocation = revocation });
        return new PdfSignatureVerifier(options, TimeProvider.System, revocation: new RevocationChecker(options, TimeProvider.System));
    }

    private string CrlFile(string name, byte[] crl)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, crl);
        return path;
    }

    [Fact]
    public async Task A_certificate_revoked_before_the_signature_makes_the_verdict_revoked_one_revoked_after_leaves_it_valid()
    {
        var (p12, certificate) = _ca.Issue(_folder, "Hoàng Văn Dũng", "mk");
        var signed = await SignedByAsync(p12);
        Verifier(new RevocationOptions()).Verify(signed).Verdict.Should().Be(SignatureVerdict.Valid, "without revocation lists configured nothing changes");

        var before = CrlFile("before.crl", _ca.Crl((certificate, DateTimeOffset.UtcNow.AddDays(-1))));
        var verification = Verifier(new RevocationOptions { CrlFiles = [before] }).Verify(signed);
        verification.Verdict.Should().Be(SignatureVerdict.Revoked);
        verification.Signatures.Single().Problem.Should().Be("revoked");
        Names.Verification(verification.Verdict).Format().Should().StartWith("Chứng thư số đã bị thu hồi");
        // Never a document of record: the stores refuse it in words.
        var store = () => verification.EnsureNotRevoked();
        store.Should().Throw<UnprocessableException>().Which.Code.Should().Be("certificate-revoked");

        var after = CrlFile("after.crl", _ca.Crl((certificate, DateTimeOffset.UtcNow.AddHours(1))));
        Verifier(new RevocationOptions { CrlFiles = [after] }).Verify(signed).Verdict
            .Should().Be(SignatureVerdict.Valid, "the certificate still stood when the signature was made");
        var others = _ca.Issue(_folder, "Người khác", "mk").Certificate;
        var unrelated = CrlFile("others.crl", _ca.Crl((others, DateTimeOffset.UtcNow.AddDays(-1))));
        Verifier(new RevocationOptions { CrlFiles = [unrelated] }).Verify(signed).Verdict.Should().Be(SignatureVerdict.Valid, "the list names someone else");
    }

    [Fact]
    public async Task A_list_no_one_can_trust_or_none_at_all_says_revocation_could_not_be_checked()
    {
        var (p12, certificate) = _ca.Issue(_folder, "Hoàng Văn Dũng", "mk");
        var signed = await SignedByAsync(p12);
        // A list signed by another authority proves nothing about this certificate, even one naming its serial.
        using var impostor = new TestCertificateAuthority("CA mạo danh");
        var forged = CrlFile("forged.crl", impostor.Crl((certificate, DateTimeOffset.UtcNow.AddDays(-1))));
        var verification = Verifier(new RevocationOptions { CrlFiles = [forged] }).Verify(signed);
        verification.Verdict.Should().Be(SignatureVerdict.RevocationUnknown);
        Names.Verification(verification.Verdict).Format().Should().Contain("không kiểm tra được chứng thư số có bị thu hồi");
        Verifier(new RevocationOptions { CrlFiles = [Path.Combine(_folder, "missing.crl")] }).Verify(signed).Verdict.Should().Be(SignatureVerdict.RevocationUnknown);
        Verifier(new RevocationOptions { FetchFromCertificate = true }).Verify(signed).Verdict
            .Should().Be(SignatureVerdict.RevocationUnknown, "the certificate names no distribution point");
    }

    [Fact]
    public async Task The_list_at_the_certificate_s_distribution_point_is_fetched_over_http_kept_and_unavailable_is_said()
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}/crl/ca.crl";
        var (p12, certificate) = _ca.Issue(_folder, "Vũ Quang Huy", "mk", url);
        var signed = await SignedByAsync(p12);
        var crl = _ca.Crl((certificate, DateTimeOffset.UtcNow.AddDays(-1)));
        var requests = 0;
        using (var listener = new HttpListener())
        {
            listener.Prefixes.Add($"http://127.0.0.1:{port}/crl/");
            listener.Start();
            var serving = Task.Run(async () =>
            {
                while (listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = await listener.GetContextAsync(); }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                    Interlocked.Increment(ref requests);
                    context.Response.ContentType = "application/pkix-crl";
                    await context.Response.OutputStream.WriteAsync(crl);
                    context.Response.Close();
                }
            });
            var verifier = Verifier(new RevocationOptions { FetchFromCertificate = true, TimeoutSeconds = 2 });
            verifier.Verify(signed).Verdict.Should().Be(SignatureVerdict.Revoked);
            listener.Stop();
            await serving;
            verifier.Verify(signed).Verdict.Should().Be(SignatureVerdict.Revoked, "the list is kept until its next update");
            requests.Should().Be(1);
        }

        // Nobody answers at the distribution point: said, not taken as valid.
        Verifier(new RevocationOptions { FetchFromCertificate = true, TimeoutSeconds = 2 }).Verify(signed).Verdict.Should().Be(SignatureVerdict.RevocationUnknown);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
