using System.Text;
using System.Text.RegularExpressions;
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
/// The agency's seal added by the clerk as a second signature, appended as an incremental update: pdfsig, an
/// independent verifier, finds both signatures valid — the leader's for the revision it signed, the seal for the whole
/// file — and reports a byte changed in either revision.
/// </summary>
public class SealSignatureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("seal-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly SignaturePlace LeaderPlace = new(0, 330, 500, 170, 60);
    private static readonly SignaturePlace SealPlace = SealPlacement.Over(LeaderPlace);

    /// <summary>A one-page document in the documents' font, signed by the leader with PDFsharp as a decision is.</summary>
    private async Task<(byte[] Signed, Pkcs12DocumentSigner Signer, string Authority)> LeaderSignedAsync()
    {
        EmbeddedFonts.Install();
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
            gfx.DrawString("QUYẾT ĐỊNH về việc tặng Bằng khen", new XFont(EmbeddedFonts.Family, 14, XFontStyleEx.Bold, new XPdfFontOptions(PdfFontEncoding.Unicode)),
                XBrushes.Black, new XPoint(100, 100));
        using var stream = new MemoryStream();
        await document.SaveAsync(stream, false);
        var leaderFolder = Directory.CreateDirectory(Path.Combine(_folder, "leader")).FullName;
        var sealFolder = Directory.CreateDirectory(Path.Combine(_folder, "seal")).FullName;
        var signer = new Pkcs12DocumentSigner(Options.Create(new Pkcs12SigningOptions
        {
            Certificates = { ["lanhdao"] = new Pkcs12Certificate { Path = TestCertificates.SignerPkcs12(leaderFolder, "Ngô Đức Mạnh", "mk"), Password = "mk" } },
            Seal = new Pkcs12Certificate { Path = TestCertificates.SignerPkcs12(sealFolder, "Ủy ban nhân dân tỉnh Lam Giang", "dấu"), Password = "dấu" },
        }), TimeProvider.System);
        var signed = await signer.SignAsync(stream.ToArray(), new SignerIdentity("Ngô Đức Mạnh", "lanhdao"), "Ký ban hành", "Lam Giang", LeaderPlace);
        return (signed, signer, TestCertificates.AuthorityOf(sealFolder));
    }

    private async Task<PdfTools.Output> PdfSigAsync(byte[] pdf, string name)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(path, pdf);
        return await PdfTools.RunAsync("pdfsig", path);
    }

    [Fact]
    public async Task The_seal_is_a_second_signature_appended_so_pdfsig_finds_both_valid_and_the_leaders_bytes_unchanged()
    {
        var (leaderSigned, signer, _) = await LeaderSignedAsync();
        var sealedPdf = await signer.AddSignatureAsync(leaderSigned, new SignerIdentity("Trần Thị Thu", "vanthu", AgencySeal: true),
            "Đóng dấu", "Lam Giang", SealPlace);

        sealedPdf.AsSpan(0, leaderSigned.Length).SequenceEqual(leaderSigned).Should().BeTrue("an incremental update only appends");
        var check = await PdfSigAsync(sealedPdf, "sealed.pdf");
        check.ExitCode.Should().Be(0, check.All);
        check.All.Should().Contain("Signature #1").And.Contain("Signature #2", check.All);
        Regex.Matches(check.All, "Signature Validation: Signature is Valid.").Should().HaveCount(2, check.All);
        check.All.Should().Contain("Ngô Đức Mạnh").And.Contain("Ủy ban nhân dân tỉnh Lam Giang");
        check.All.Should().Contain("Total document signed", "the seal covers the whole file")
            .And.Contain("Not total document signed", "the leader's signature covers the revision it signed");
        var text = await PdfTools.RunAsync("pdftotext", Path.Combine(_folder, "sealed.pdf"), "-");
        // The seal's appearance is a stream object (its form), written with its /Length.
        Encoding.Latin1.GetString(sealedPdf, leaderSigned.Length, sealedPdf.Length - leaderSigned.Length)
            .Should().MatchRegex(@"/Subtype/Form/BBox\[0 0 [\d.]+ [\d.]+\]/Resources<<>>/Length \d+>>\nstream\n");
        // Rendered for a person to look at (artifacts/pdf/, git-ignored): the red seal over the left of the signature box.
        var artifacts = Directory.CreateDirectory(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../artifacts/pdf"))).FullName;
        await File.WriteAllBytesAsync(Path.Combine(artifacts, "sealed.pdf"), sealedPdf);
        var shown = await PdfTools.RunAsync("pdftoppm", "-png", "-r", "60", "-singlefile", Path.Combine(artifacts, "sealed.pdf"), Path.Combine(artifacts, "sealed"));
        shown.ExitCode.Should().Be(0, shown.Error);
        text.Out.Should().Contain("QUYẾT ĐỊNH", "the appended revision still reads as the same document");

        var verified = new PdfSignatureVerifier(Options.Create(new SignatureTrustOptions()), TimeProvider.System).Verify(sealedPdf);
        verified.Signatures.Should().HaveCount(2);
        verified.Signatures.Select(s => s.SignerName).Should().Equal("Ngô Đức Mạnh", "Ủy ban nhân dân tỉnh Lam Giang");
        verified.Signatures.Select(s => s.CoversWholeDocument).Should().Equal(false, true);
        verified.Verdict.Should().Be(SignatureVerdict.NotCheckedAgainstTrustedRoots);
    }

    [Fact]
    public async Task A_changed_byte_in_the_seals_revision_or_the_leaders_is_reported()
    {
        var (leaderSigned, signer, _) = await LeaderSignedAsync();
        var sealedPdf = await signer.AddSignatureAsync(leaderSigned, new SignerIdentity("Trần Thị Thu", "vanthu", AgencySeal: true),
            "Đóng dấu", "Lam Giang", SealPlace);

        // A byte of the appended revision (the seal's reason, inside its signed range): the seal is broken, the leader's signature not.
        var inSeal = (byte[])sealedPdf.Clone();
        var reason = Encoding.Latin1.GetString(inSeal).LastIndexOf("/Reason<FEFF", StringComparison.Ordinal) + "/Reason<FEFF".Length + 2;
        inSeal[reason] = (byte)(inSeal[reason] == (byte)'0' ? '1' : '0');
        var seal = await PdfSigAsync(inSeal, "seal-changed.pdf");
        Regex.Matches(seal.All, "Signature Validation: Signature is Valid.").Should().HaveCount(1, seal.All);

        // A byte of the leader's revision: both signatures cover it, neither is valid.
        var inLeader = (byte[])sealedPdf.Clone();
        var creator = Encoding.Latin1.GetString(inLeader).IndexOf("Commendations", StringComparison.Ordinal);
        inLeader[creator] = (byte)'K';
        var both = await PdfSigAsync(inLeader, "leader-changed.pdf");
        both.All.Should().NotContain("Signature is Valid.", both.All);
        new PdfSignatureVerifier(Options.Create(new SignatureTrustOptions()), TimeProvider.System).Verify(inLeader)
            .Signatures.Should().OnlyContain(s => s.Verdict == SignatureVerdict.Invalid);
    }
}
