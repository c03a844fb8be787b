using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Commendations.Common.Errors;
using Commendations.Domain.Catalog;
using Commendations.Domain.Documents;
using Commendations.Domain.Nominees;
using Commendations.Features.Documents.SubmissionLetters;
using Commendations.Features.Documents.Signing;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Commendations.Tests.Features.Documents;

/// <summary>
/// The unit's submission letter (tờ trình) and nominee list drafted from its dossiers: the PDF read back by pdftotext in
/// the Decree 30 order with its diacritics, the .docx read back with the Open XML SDK, another unit refused; the unit's
/// head signs it (their PKCS#12 certificate, or an external signer that only sees the digest) and the signed letter
/// becomes the submission letter of the dossiers the unit still holds, checked valid by pdfsig.
/// </summary>
public class SubmissionLetterTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>, IDisposable
{
    private readonly NominationSteps _steps = new(app);
    private readonly string _folder = Directory.CreateTempSubdirectory("submission-letter-").FullName;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Dossiers? _dossiers;

    /// <summary>Three drafts of Tân Hòa (a collective, two people) and one it has already submitted, in the 2026 thematic campaign.</summary>
    private sealed record Dossiers(Guid Collective, Guid Woman, Guid Man, Guid Submitted);

    private static string Artifacts => Directory.CreateDirectory(
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../artifacts/pdf"))).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<Dossiers> DossiersAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_dossiers is not null)
                return _dossiers;
            app.Clock.Set(TestClock.At(2026, 12, 1));
            var campaign = await _steps.CampaignAsync(DemoCatalog.CurrentThematicCampaign);
            Task<Guid> Draft(PersonInput? person, CollectiveInput? collective, string summary) => app.Send(DemoAccounts.OfficerTanHoa,
                new CreateNomination(campaign, DemoCatalog.CertificateOfMerit, person is null ? NomineeKind.Collective : NomineeKind.Individual, person, collective, summary));
            var collectiveId = await Draft(null, new CollectiveInput("Hội Nông dân xã Tân Hòa", 24, 11, 20), "Dẫn đầu phong trào chuyển đổi số ở thôn, bản.");
            var woman = await Draft(new PersonInput("Trần Thị Thu Hà", Gender.Female, 1984, "Phó Chủ tịch UBND xã Tân Hòa"), null, "Tổ chức đối thoại định kỳ với Nhân dân.");
            var man = await Draft(new PersonInput("Đặng Quốc Hưng", Gender.Male, 1979, "Trưởng thôn Đông"), null, "Vận động hiến đất làm đường liên thôn.");
            var submitted = await Draft(new PersonInput("Lý Văn Sơn", Gender.Male, 1990, "Công chức Văn phòng - Thống kê"), null, "Số hóa hồ sơ một cửa.");
            await _steps.AttachRequiredDocumentsAsync(submitted);
            await app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(submitted, null));
            return _dossiers = new Dossiers(collectiveId, woman, man, submitted);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>pdftotext's lines joined by single spaces: a heading broken over two lines still reads as one phrase.</summary>
    private static string Flat(string text) => Regex.Replace(text.Normalize(NormalizationForm.FormC), @"\s+", " ");

    private static void InOrder(string text, IEnumerable<string> phrases)
    {
        var at = 0;
        foreach (var phrase in phrases)
        {
            var found = text.IndexOf(Flat(phrase), at, StringComparison.Ordinal);
            found.Should().BeGreaterThanOrEqualTo(0, $"\"{phrase}\" comes next, with its diacritics; the text read back is:\n{text}");
            at = found + 1;
        }
    }

    [Fact]
    public async Task The_letter_pdf_reads_back_in_the_decree_30_order_with_the_proposal_by_count_and_the_nominee_list_on_landscape_pages()
    {
        var d = await DossiersAsync();
        var file = await app.Send(DemoAccounts.OfficerTanHoa, new GetSubmissionLetter(d.Woman, SubmissionLetterFormat.Pdf));
        file.ContentType.Should().Be("application/pdf");
        file.FileName.Should().Be("to-trinh-de-nghi-khen-thuong.pdf");
        var path = Path.Combine(Artifacts, "submission-letter.pdf");
        await File.WriteAllBytesAsync(path, file.Content);

        var pages = await PdfTools.PageCountAsync(path);
        pages.Should().Be(2, "the letter on one portrait page, the list of four on one landscape page");
        InOrder(Flat(await PdfTools.TextAsync(path, 1)),
        [
            "ỦY BAN NHÂN DÂN TỈNH LAM GIANG", "UBND XÃ TÂN HÒA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Số: ……/TTr", "Lam Giang, ngày …… tháng …… năm 2026", "TỜ TRÌNH", "Về việc đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh",
            "Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh Lam Giang.",
            "Căn cứ phong trào thi đua “Thi đua thực hiện Quy chế dân chủ ở cơ sở năm 2026” (12/KH-BCĐ ngày 15/02/2026);",
            "UBND xã Tân Hòa kính đề nghị Hội đồng Thi đua - Khen thưởng tỉnh Lam Giang xem xét, trình cấp có thẩm quyền tặng:",
            // The submitted dossier is still the unit's proposal; withdrawn or rejected ones would be left out.
            "- Bằng khen của Chủ tịch UBND tỉnh cho 01 tập thể và 03 cá nhân.", "(Có danh sách trích ngang kèm theo)",
            "Nơi nhận:", "CHỦ TỊCH UBND XÃ TÂN HÒA", "Phạm Văn Tùng",
        ]);
        var list = Flat(await PdfTools.TextAsync(path, 2));
        InOrder(list,
        [
            "DANH SÁCH TRÍCH NGANG", "ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH", "STT", "Họ và tên / Tên tập thể", "Giới tính", "Năm sinh",
            // Collectives first, then people by name; each row's sex and birth year beside the name.
            "1 Hội Nông dân xã Tân Hòa", "2 Đặng Quốc Hưng Nam 1979 Trưởng thôn Đông", "3 Lý Văn Sơn Nam 1990", "4 Trần Thị Thu Hà Nữ 1984",
        ]);
        list.Should().Contain("24 người", "a collective's size stands for sex and birth year").And.Contain("Dẫn đầu phong trào chuyển đổi số ở thôn, bản.")
            .And.Contain("Vận động hiến đất làm đường liên thôn.").And.Contain("Phó Chủ tịch UBND xã Tân Hòa, UBND xã Tân Hòa");
        var size = await PdfTools.RunAsync("pdfinfo", "-f", "2", "-l", "2", path);
        size.Out.Should().MatchRegex(@"Page\s+2 size:\s+84[12](\.\d+)? x 595", "the list is on A4 landscape");

        foreach (var page in new[] { 1, 2 })
        {
            var render = await PdfTools.RunAsync("pdftoppm", "-png", "-r", "60", "-f", $"{page}", "-l", $"{page}", "-singlefile", path,
                Path.Combine(Artifacts, $"submission-letter-page-{page}"));
            render.ExitCode.Should().Be(0, render.Error);
        }
    }

    [Fact]
    public async Task The_word_draft_holds_the_same_words_and_the_list_as_a_table_with_a_repeated_header_on_landscape_pages()
    {
        var d = await DossiersAsync();
        var file = await app.Send(DemoAccounts.OfficerTanHoa, new GetSubmissionLetter(d.Collective, SubmissionLetterFormat.Docx));
        file.FileName.Should().Be("to-trinh-de-nghi-khen-thuong.docx");
        file.ContentType.Should().Be("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        using var stream = new MemoryStream(file.Content);
        using var word = WordprocessingDocument.Open(stream, false);
        var body = word.MainDocumentPart!.Document.Body!;
        var text = string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText));
        InOrder(Flat(text),
        [
            // The heading's two columns are two cells: the unit and its number, then the nation and the place and date.
            "UBND XÃ TÂN HÒA", "Số: ……/TTr", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Lam Giang, ngày …… tháng …… năm 2026", "TỜ TRÌNH", "Về việc đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh",
            "- Bằng khen của Chủ tịch UBND tỉnh cho 01 tập thể và 03 cá nhân.", "CHỦ TỊCH UBND XÃ TÂN HÒA", "Phạm Văn Tùng", "DANH SÁCH TRÍCH NGANG",
        ]);
        var list = body.Elements<Table>().Last();
        var rows = list.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        rows[0].Should().Equal(SubmissionLetterContent.ListHeaders);
        list.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>().Should().NotBeNull("the header row repeats on every page");
        rows.Skip(1).Should().ContainEquivalentOf(new List<string>
            { "4", "Trần Thị Thu Hà", "Nữ", "1984", "Phó Chủ tịch UBND xã Tân Hòa, UBND xã Tân Hòa", "Bằng khen của Chủ tịch UBND tỉnh", "Tổ chức đối thoại định kỳ với Nhân dân." });
        rows.Should().HaveCount(5);
        var sections = body.Descendants<SectionProperties>().ToList();
        sections.Select(s => s.GetFirstChild<PageSize>()!.Orient?.Value).Should().Equal(PageOrientationValues.Portrait, PageOrientationValues.Landscape);
    }

    [Fact]
    public async Task Another_units_officer_or_head_does_not_get_the_letter()
    {
        var d = await DossiersAsync();
        foreach (var outsider in new[] { DemoAccounts.OfficerDongXuyen, DemoAccounts.HeadDongXuyen })
        {
            var read = () => app.Send(outsider, new GetSubmissionLetter(d.Woman, SubmissionLetterFormat.Pdf));
            await read.Should().ThrowAsync<NotFoundException>($"{outsider.UserName} is of another unit");
            var sign = () => app.Send(outsider, new SignSubmissionLetter(d.Woman));
            await sign.Should().ThrowAsync<AppException>();
        }
        // The unit's own head reads it (they sign it).
        (await app.Send(DemoAccounts.HeadTanHoa, new GetSubmissionLetter(d.Woman, SubmissionLetterFormat.Docx))).Content.Should().NotBeEmpty();
    }

    [Fact]
    public async Task The_unit_head_signs_with_their_certificate_and_the_letter_becomes_the_submission_letter_of_the_drafts_valid_for_pdfsig()
    {
        var d = await DossiersAsync();
        var p12 = TestCertificates.SignerPkcs12(_folder, "Phạm Văn Tùng", "mật-khẩu");
        app.Services.GetRequiredService<IOptions<Pkcs12SigningOptions>>().Value.Certificates[DemoAccounts.HeadTanHoa.UserName] =
            new Pkcs12Certificate { Path = p12, Password = "mật-khẩu" };
        var trust = app.Services.GetRequiredService<IOptions<SignatureTrustOptions>>().Value.TrustedRoots;
        trust.Clear();
        trust.Add(TestCertificates.AuthorityOf(_folder));

        // The officer does not sign for the head; the head signs only while the unit holds the dossier.
        var officer = () => app.Send(DemoAccounts.OfficerTanHoa, new SignSubmissionLetter(d.Woman));
        (await officer.Should().ThrowAsync<ForbiddenException>()).Which.Code.Should().Be("role-required");
        var late = () => app.Send(DemoAccounts.HeadTanHoa, new SignSubmissionLetter(d.Submitted));
        (await late.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("not-editable");

        var signed = await app.Send(DemoAccounts.HeadTanHoa, new SignSubmissionLetter(d.Woman));
        signed.Verification.Should().Be(SignatureVerdict.Valid);
        signed.SignerName.Should().Be("Phạm Văn Tùng");
        signed.NominationIds.Should().BeEquivalentTo([d.Collective, d.Woman, d.Man], "the drafts the letter covers; the submitted dossier is not the unit's to change");

        var dossier = await app.Send(DemoAccounts.OfficerTanHoa, new GetNomination(d.Man));
        var letter = dossier.Documents.Last(x => x.Kind == DocumentKind.SubmissionLetter);
        letter.Signature.Should().Be(SignatureVerdict.Valid);
        letter.Sha256.Should().Be(signed.Sha256);
        var bytes = await app.Send(DemoAccounts.OfficerTanHoa, new GetDocument(d.Man, letter.Id));
        var path = Path.Combine(_folder, "signed.pdf");
        await File.WriteAllBytesAsync(path, bytes.Content);
        var check = await PdfTools.RunAsync("pdfsig", path);
        check.All.Should().Contain("Signature Validation: Signature is Valid.").And.Contain("Total document signed").And.Contain("Phạm Văn Tùng");
        // Signed today: the date is filled in; the number stays for the clerk who registers it.
        Flat(await PdfTools.TextAsync(path, 1)).Should().Contain("Lam Giang, ngày 01 tháng 12 năm 2026").And.Contain("Số: ……/TTr");
    }

    [Fact]
    public async Task An_external_signer_that_only_sees_the_digest_signs_the_letter_for_the_unit_head()
    {
        var d = await DossiersAsync();
        var p12 = TestCertificates.SignerPkcs12(_folder, "Phạm Văn Tùng", "mật-khẩu");
        var certificates = X509CertificateLoader.LoadPkcs12CollectionFromFile(p12, "mật-khẩu", X509KeyStorageFlags.EphemeralKeySet);
        using var signer = certificates.Single(c => c.HasPrivateKey);
        var ca = X509CertificateLoader.LoadCertificateFromFile(TestCertificates.AuthorityOf(_folder));

        var prepared = await app.Send(DemoAccounts.HeadTanHoa, new PrepareSubmissionLetterSigning(d.Collective));
        var wrong = DigestOnlySigner.Sign(SHA256.HashData("một văn bản khác"u8.ToArray()), signer, ca, DateTimeOffset.UtcNow);
        var refused = () => app.Send(DemoAccounts.HeadTanHoa, new CompleteSubmissionLetterSigning(d.Collective, prepared.SessionId, Convert.ToBase64String(wrong)));
        (await refused.Should().ThrowAsync<UnprocessableException>()).Which.Code.Should().Be("signature-invalid");

        var cms = DigestOnlySigner.Sign(Convert.FromBase64String(prepared.Digest), signer, ca, DateTimeOffset.UtcNow);
        var stored = await app.Send(DemoAccounts.HeadTanHoa, new CompleteSubmissionLetterSigning(d.Collective, prepared.SessionId, Convert.ToBase64String(cms)));
        stored.Verification.Should().BeOneOf(SignatureVerdict.Valid, SignatureVerdict.NotCheckedAgainstTrustedRoots, SignatureVerdict.Untrusted);
        stored.NominationIds.Should().Contain(d.Collective);
        var dossier = await app.Send(DemoAccounts.OfficerTanHoa, new GetNomination(d.Collective));
        dossier.Documents.Should().Contain(x => x.Kind == DocumentKind.SubmissionLetter && x.Sha256 == stored.Sha256);

        // The session is used up.
        var again = () => app.Send(DemoAccounts.HeadTanHoa, new CompleteSubmissionLetterSigning(d.Collective, prepared.SessionId, Convert.ToBase64String(cms)));
        await again.Should().ThrowAsync<NotFoundException>();
    }
}
