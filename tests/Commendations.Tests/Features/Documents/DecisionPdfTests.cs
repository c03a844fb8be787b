using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Commendations.Common.Errors;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominees;
using Commendations.Features.Decisions;
using Commendations.Features.Documents.Pdf;
using Commendations.Features.Documents.Signing;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.Extensions.Options;

namespace Commendations.Tests.Features.Documents;

/// <summary>
/// The award decision as a generated PDF, read back by independent tools (poppler-utils): its Vietnamese text with every
/// diacritic intact, its fonts embedded, a long list of awardees over several pages with the header repeated, page 1
/// rendered for a person to look at (artifacts/pdf/), and a PKCS#12 signature that pdfsig finds valid — and invalid once
/// one signed byte changes.
/// </summary>
public class DecisionPdfTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>, IDisposable
{
    private readonly NominationSteps _steps = new(app);
    private readonly string _folder = Directory.CreateTempSubdirectory("decision-pdf-").FullName;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static DecisionDetail? _issued;

    /// <summary>Where the rendered pages are kept for a person to look at (git-ignored).</summary>
    private static string Artifacts => Directory.CreateDirectory(
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../artifacts/pdf"))).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>One decision issued through the use cases: a collective and two people of Tân Hòa, signed by the chairman.</summary>
    private async Task<DecisionDetail> IssuedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_issued is not null)
                return _issued;
            app.Clock.Set(TestClock.At(2026, 12, 1));
            var campaign = await _steps.CampaignAsync(DemoCatalog.CurrentThematicCampaign);
            var ids = new List<Guid>();
            foreach (var (person, collective) in new (PersonInput?, CollectiveInput?)[]
                     {
                         (null, new CollectiveInput("Ủy ban nhân dân xã Tân Hòa", 24, 11, 20)),
                         (new PersonInput("Trần Thị Thu Hà", Gender.Female, 1984, "Phó Chủ tịch UBND xã Tân Hòa"), null),
                         (new PersonInput("Đặng Quốc Hưng", Gender.Male, 1979, "Trưởng thôn Đông"), null),
                     })
            {
                var id = await app.Send(DemoAccounts.OfficerTanHoa, new CreateNomination(campaign, DemoCatalog.CertificateOfMerit,
                    person is null ? NomineeKind.Collective : NomineeKind.Individual, person, collective, "Thành tích xuất sắc trong phong trào."));
                await _steps.AttachRequiredDocumentsAsync(id);
                await app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, null));
                await _steps.ApproveByWholeCommitteeAsync(id);
                ids.Add(id);
            }
            foreach (var id in ids)
            {
                await _steps.EndDisclosureAsync(id);
                await _steps.ActAsync(DemoAccounts.Appraiser, id, "forward", "Đủ điều kiện.");
            }
            var issued = await app.SendOnDecisionDay(DemoAccounts.Leader, new IssueDecision("12/QĐ-UBND", new DateOnly(2027, 1, 5), "Ngô Đức Mạnh",
                "Chủ tịch UBND tỉnh", "Đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026", [.. ids]));
            return _issued = await app.Send(DemoAccounts.OfficerTanHoa, new GetDecision(issued.DecisionId));
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<string> WriteAsync(string name, byte[] pdf)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(path, pdf);
        return path;
    }

    /// <summary>pdftotext's lines joined by single spaces: a heading broken over two lines still reads as one phrase.</summary>
    private static string Flat(string text) => Regex.Replace(text.Normalize(NormalizationForm.FormC), @"\s+", " ");

    [Fact]
    public async Task The_decision_pdf_reads_back_in_Vietnamese_with_its_diacritics_in_the_decree_30_order_with_its_font_embedded()
    {
        var decision = await IssuedAsync();
        var file = await app.Send(DemoAccounts.OfficerTanHoa, new GetDecisionPdf(decision.Id));
        file.ContentType.Should().Be("application/pdf");
        file.FileName.Should().Be("quyet-dinh-12-QD-UBND.pdf");
        var path = await WriteAsync(file.FileName, file.Content);

        var text = Flat(await PdfTools.TextAsync(path));
        string[] inOrder =
        [
            // The two header columns read across: body and nation, then number and place-date.
            "ỦY BAN NHÂN DÂN TỈNH LAM GIANG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 12/QĐ-UBND",
            "Lam Giang, ngày 05 tháng 01 năm 2027", "QUYẾT ĐỊNH", decision.Subject, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAM GIANG",
            .. decision.LegalBasis, decision.ProposalLine, "QUYẾT ĐỊNH:",
            "Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 01 tập thể và 02 cá nhân có tên trong danh sách sau",
            "STT", "Tập thể, cá nhân", "Đơn vị", "Hình thức",
            "1 Ủy ban nhân dân xã Tân Hòa UBND xã Tân Hòa", "2 Ông Đặng Quốc Hưng", "3 Bà Trần Thị Thu Hà",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", $"Điều 3. {decision.ExecutionLine}", "Nơi nhận:",
        ];
        var at = 0;
        foreach (var phrase in inOrder)
        {
            var found = text.IndexOf(Flat(phrase), at, StringComparison.Ordinal);
            found.Should().BeGreaterThanOrEqualTo(0, $"\"{phrase}\" comes next in the decision, with its diacritics; the text read back is:\n{text}");
            at = found + 1;
        }
        text.Should().Contain("UBND xã Tân Hòa").And.Contain("Bằng khen của Chủ tịch UBND tỉnh")
            .And.Contain(string.Join(" ", decision.SignatureLines)).And.Contain("Ngô Đức Mạnh");
        foreach (var recipient in decision.Recipients)
            text.Should().Contain(Flat(recipient));

        // Every font is the shipped Noto Serif, embedded as a subset: the document reads the same on a machine without it.
        var fonts = await PdfTools.RunAsync("pdffonts", path);
        fonts.ExitCode.Should().Be(0, fonts.Error);
        var rows = fonts.Out.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        rows.Should().NotBeEmpty().And.OnlyContain(r => Regex.IsMatch(r, @"^[A-Z]{6}\+Noto Serif.*\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$"),
            "name, then embedded / subset / Unicode map all \"yes\":\n" + fonts.Out);
    }

    [Fact]
    public async Task A_list_of_200_awardees_runs_over_several_numbered_pages_with_its_header_on_each_and_page_1_renders()
    {
        // The layout is what is tested here: the issued decision's data, its list grown to 200 lines (200 dossiers through
        // the whole route would only slow the test down).
        var decision = await IssuedAsync();
        var template = decision.Awardees[1];
        var many = decision with
        {
            Awardees = Enumerable.Range(1, 200).Select(i => template with
            {
                NomineeName = $"Phạm Thị Ánh {i:D3}", ListedName = $"Bà Phạm Thị Ánh {i:D3}",
                UnitName = i % 3 == 0 ? "Trường Trung học cơ sở Lê Quý Đôn, phường Đông Xuyên" : "UBND xã Tân Hòa",
            }).ToList(),
        };
        var path = Path.Combine(Artifacts, "decision-200.pdf");
        await File.WriteAllBytesAsync(path, DecisionPdf.Build(many));

        var pages = await PdfTools.PageCountAsync(path);
        pages.Should().BeInRange(5, 16, "200 lines of one or two lines each on A4 pages");
        var listed = 0;
        for (var page = 1; page <= pages; page++)
        {
            var text = await PdfTools.TextAsync(path, page);
            var lines = Regex.Matches(Flat(text), @"Bà Phạm Thị Ánh (\d{3})").Select(m => int.Parse(m.Groups[1].Value)).ToList();
            if (lines.Count > 0)
            {
                Flat(text).Should().Contain("STT Tập thể, cá nhân Đơn vị Hình thức", $"the list's header row is repeated on page {page}");
                lines.Should().Equal(Enumerable.Range(listed + 1, lines.Count), "the lines follow each other from page to page, none lost or repeated");
                listed += lines.Count;
            }
            if (page > 1)
                text.TrimStart().Should().StartWith($"{page}\n", "pages from the second are numbered at the top");
        }
        listed.Should().Be(200);
        Flat(await PdfTools.TextAsync(path, pages)).Should().Contain("Ngô Đức Mạnh", "the signature block closes the last page");

        // Page 1 and the first page of the list's continuation, rendered for a person to look at.
        foreach (var (source, page, name) in new[] { (await WriteAsync("3.pdf", DecisionPdf.Build(decision)), 1, "decision-page-1"), (path, 2, "decision-200-page-2") })
        {
            var target = Path.Combine(Artifacts, name);
            var render = await PdfTools.RunAsync("pdftoppm", "-png", "-r", "60", "-f", $"{page}", "-l", $"{page}", "-singlefile", source, target);
            render.ExitCode.Should().Be(0, render.Error);
            new FileInfo(target + ".png").Length.Should().BeGreaterThan(10_000, "a rendered page of text, not a blank image");
        }
    }

    [Fact]
    public async Task A_decision_signed_with_a_pkcs12_certificate_is_valid_for_pdfsig_and_one_changed_byte_is_reported()
    {
        var decision = await IssuedAsync();
        var (pdf, place) = DecisionPdf.Generate(decision);
        var signer = new Pkcs12DocumentSigner(Options.Create(new Pkcs12SigningOptions
        {
            Certificates = { ["lanhdao"] = new Pkcs12Certificate { Path = TestCertificates.SignerPkcs12(_folder, "Ngô Đức Mạnh", "mật-khẩu"), Password = "mật-khẩu" } },
        }), TimeProvider.System);

        // Shown in the signature block, between "CHỦ TỊCH" and the name.
        var signed = await signer.SignAsync(pdf, new SignerIdentity("Ngô Đức Mạnh", "lanhdao"), "Ký ban hành quyết định khen thưởng", "Lam Giang", place);
        // Kept with the rendered page for a person to open in a PDF reader (its signature panel shows the test CA's signer).
        var path = Path.Combine(Artifacts, "decision-signed.pdf");
        await File.WriteAllBytesAsync(path, signed);
        var shown = await PdfTools.RunAsync("pdftoppm", "-png", "-r", "60", "-f", $"{place.PageIndex + 1}", "-l", $"{place.PageIndex + 1}", "-singlefile",
            path, Path.Combine(Artifacts, "decision-signed"));
        shown.ExitCode.Should().Be(0, shown.Error);

        // The test CA is nobody's trusted root: pdfsig says so about the certificate; the signature itself is what is checked.
        var check = await PdfTools.RunAsync("pdfsig", path);
        check.All.Should().Contain("Signature Validation: Signature is Valid.", check.All)
            .And.Contain("Total document signed", "nothing was added after the signature")
            .And.Contain("Ngô Đức Mạnh");
        Flat(await PdfTools.TextAsync(path)).Should().Contain("QUYẾT ĐỊNH").And.Contain("Ủy ban nhân dân xã Tân Hòa");

        // One byte of the signed range changed: a letter of the creator's name in the document information.
        var tampered = (byte[])signed.Clone();
        var at = SignedByteToChange(tampered);
        tampered[at] = (byte)(tampered[at] == (byte)'C' ? 'K' : 'C');
        var changed = await PdfTools.RunAsync("pdfsig", await WriteAsync("tampered.pdf", tampered));
        changed.All.Should().NotContain("Signature is Valid.").And.Contain("Signature Validation: ", changed.All);
        changed.All.Should().MatchRegex("Digest Mismatch|Signature is Invalid|modified", changed.All);

        // A signer without a certificate is refused in words, not with a crash.
        var unknown = () => signer.SignAsync(pdf, new SignerIdentity("Lê Thị Hạnh", "phochutich"), "Ký", "Lam Giang", place);
        (await unknown.Should().ThrowAsync<UnprocessableException>()).Which.Code.Should().Be("no-signing-certificate");
    }

    /// <summary>A byte of the document information ("/Creator (Commendations)") inside the first signed range.</summary>
    private static int SignedByteToChange(byte[] pdf)
    {
        var latin = Encoding.Latin1.GetString(pdf);
        var range = Regex.Match(latin, @"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]");
        range.Success.Should().BeTrue("a signed PDF names the ranges its signature covers");
        var (start, length) = (long.Parse(range.Groups[1].Value), long.Parse(range.Groups[2].Value));
        var at = latin.IndexOf("Commendations", StringComparison.Ordinal);
        at.Should().BeGreaterThan(0);
        ((long)at).Should().BeInRange(start, start + length - 1, "the changed byte is one the signature covers");
        return at;
    }
}
