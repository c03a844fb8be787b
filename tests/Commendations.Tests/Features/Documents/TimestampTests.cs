using System.Security.Cryptography.Pkcs;
using System.Text.RegularExpressions;
using Commendations.Common.Errors;
using Commendations.Domain.Documents;
using Commendations.Features.Decisions;
using Commendations.Features.Documents.Pdf;
using Commendations.Features.Documents.Signing;
using Commendations.Testing;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Commendations.Tests.Features.Documents;

/// <summary>
/// RFC 3161 time-stamps from a configured authority (a tiny one in the test process): the leader's signature and the
/// appended seal each carry a token over their own signature value, the verifier reports the authority's time, pdfsig
/// still finds both valid — and an authority that fails refuses the signature instead of signing without it.
/// </summary>
public class TimestampTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("timestamp-").FullName;
    private readonly TestTimestampAuthority _authority = new();

    public void Dispose()
    {
        _authority.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static readonly SignaturePlace LeaderPlace = new(0, 330, 500, 170, 60);

    private (Pkcs12DocumentSigner Signer, string LeaderCa) Signer(TimeProvider clock)
    {
        var leader = Directory.CreateDirectory(Path.Combine(_folder, "leader")).FullName;
        var seal = Directory.CreateDirectory(Path.Combine(_folder, "seal")).FullName;
        var signer = new Pkcs12DocumentSigner(Options.Create(new Pkcs12SigningOptions
        {
            Certificates = { ["lanhdao"] = new Pkcs12Certificate { Path = TestCertificates.SignerPkcs12(leader, "Ngô Đức Mạnh", "mk"), Password = "mk" } },
            Seal = new Pkcs12Certificate { Path = TestCertificates.SignerPkcs12(seal, "Ủy ban nhân dân tỉnh Lam Giang", "dấu"), Password = "dấu" },
        }), clock, new SignatureTimestamper(Options.Create(new SignatureTimestampOptions
        {
            TimestampAuthority = new TimestampAuthoritySettings { Url = _authority.Url, TimeoutSeconds = 10 },
        })));
        return (signer, TestCertificates.AuthorityOf(leader));
    }

    private static async Task<byte[]> PageAsync()
    {
        EmbeddedFonts.Install();
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
            gfx.DrawString("QUYẾT ĐỊNH", new XFont(EmbeddedFonts.Family, 14, XFontStyleEx.Bold, new XPdfFontOptions(PdfFontEncoding.Unicode)), XBrushes.Black, new XPoint(100, 100));
        using var stream = new MemoryStream();
        await document.SaveAsync(stream, false);
        return stream.ToArray();
    }

    [Fact]
    public async Task Each_signature_carries_the_authoritys_token_and_the_verifier_reports_its_time()
    {
        var (signer, _) = Signer(TimeProvider.System);
        _authority.Time = new DateTimeOffset(2027, 1, 12, 2, 0, 0, TimeSpan.Zero);

        var pdf = await PageAsync();
        var sign = () => signer.SignAsync(pdf, new SignerIdentity("Ngô Đức Mạnh", "lanhdao"), "Ký", "Lam Giang", LeaderPlace);
        var signed = (await sign.Should().NotThrowAsync(_authority.LastError?.ToString())).Subject;
        _authority.Time = new DateTimeOffset(2027, 1, 12, 3, 30, 0, TimeSpan.Zero);
        var sealedPdf = await signer.AddSignatureAsync(signed, new SignerIdentity("Trần Thị Thu", "vanthu", AgencySeal: true), "Đóng dấu", "Lam Giang",
            SealPlacement.Over(LeaderPlace));

        _authority.Requests.Should().Be(2, "one time-stamp per signature");
        var checks = new PdfSignatureVerifier(Options.Create(new SignatureTrustOptions()), TimeProvider.System).Verify(sealedPdf).Signatures;
        checks.Select(c => c.TimestampedAt).Should().Equal(
            new DateTimeOffset(2027, 1, 12, 2, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 12, 3, 30, 0, TimeSpan.Zero));
        checks.Should().OnlyContain(c => c.Verdict == SignatureVerdict.NotCheckedAgainstTrustedRoots);

        // The token is the unsigned attribute id-aa-signatureTimeStampToken of each CMS, and pdfsig still finds both valid.
        var path = Path.Combine(_folder, "stamped.pdf");
        await File.WriteAllBytesAsync(path, sealedPdf);
        var check = await PdfTools.RunAsync("pdfsig", path);
        Regex.Matches(check.All, "Signature Validation: Signature is Valid.").Should().HaveCount(2, check.All);
        var dump = await PdfTools.RunAsync("pdfsig", "-dump", path);
        dump.ExitCode.Should().Be(0, dump.All);
        var dumped = Directory.GetFiles(Environment.CurrentDirectory, "stamped.pdf.sig*").Concat(Directory.GetFiles(_folder, "stamped.pdf.sig*")).Distinct().ToList();
        dumped.Should().HaveCount(2, "pdfsig -dump writes each signature's CMS");
        foreach (var cms in dumped)
        {
            var decoded = new SignedCms();
            decoded.Decode(await File.ReadAllBytesAsync(cms));
            decoded.SignerInfos[0].UnsignedAttributes.Cast<System.Security.Cryptography.CryptographicAttributeObject>().Should().Contain(a => a.Oid.Value == TimestampToken.AttributeOid);
            File.Delete(cms);
        }
    }

    [Fact]
    public async Task An_authority_that_fails_refuses_the_signature_in_words()
    {
        var (signer, _) = Signer(TimeProvider.System);
        _authority.Failing = true;

        var sign = () => signer.SignAsync(PageAsync().Result, new SignerIdentity("Ngô Đức Mạnh", "lanhdao"), "Ký", "Lam Giang", LeaderPlace);
        (await sign.Should().ThrowAsync<UnprocessableException>()).Which.Code.Should().Be("timestamp-failed");

        _authority.Failing = false;
        var signed = await signer.SignAsync(await PageAsync(), new SignerIdentity("Ngô Đức Mạnh", "lanhdao"), "Ký", "Lam Giang", LeaderPlace);
        _authority.Failing = true;
        var seal = () => signer.AddSignatureAsync(signed, new SignerIdentity("Trần Thị Thu", "vanthu", AgencySeal: true), "Đóng dấu", "Lam Giang");
        (await seal.Should().ThrowAsync<UnprocessableException>()).Which.Code.Should().Be("timestamp-failed");
    }
}
