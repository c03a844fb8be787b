using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Commendations.Common.Errors;
using Commendations.Domain.Catalog;
using Commendations.Domain.Documents;
using Commendations.Domain.Nominees;
using Commendations.Domain.Sessions;
using Commendations.Engine;
using Commendations.Features.Decisions;
using Commendations.Features.Documents.Appraisal;
using Commendations.Features.Documents.Minutes;
using Commendations.Features.Documents.Pdf;
using Commendations.Features.Documents.Signing;
using Commendations.Features.Nominations;
using Commendations.Features.Sessions;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Commendations.Tests.Features.Documents;

/// <summary>
/// Issue 19: the council's minutes and the office's appraisal report as PDFs and editable .docx drafts, read back by
/// independent readers (poppler's pdftotext, the Open XML SDK) with their Vietnamese intact and in the order the printed
/// page shows them; the minutes' two signature places (secretary and chair); who may download them.
/// </summary>
public class MinutesAndAppraisalDocumentsTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>, IDisposable
{
    private readonly NominationSteps _steps = new(app);
    private readonly string _folder = Directory.CreateTempSubdirectory("minutes-pdf-").FullName;
    private static readonly DemoAccounts.Account Secretary = DemoAccounts.SteeringStandingMember;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (Guid SessionId, Guid Campaign, Guid[] Nominations)? _decided;

    private static string Artifacts => Directory.CreateDirectory(
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../artifacts/pdf"))).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Two provincial emulation fighters forwarded by the appraiser with her comment, voted by the whole council in one
    /// session (9 of 9 for the first, 8 of 9 for the second with an abstention: 90 % passes, so only the first reaches the
    /// decision), the minutes numbered by the secretary.
    /// </summary>
    private async Task<(Guid SessionId, Guid Campaign, Guid[] Nominations)> DecidedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_decided is { } done)
                return done;
            app.Clock.Set(TestClock.At(2026, 12, 1));
            var (sessionId, campaign, ids) = await ClosedSessionAsync("05/BB-HĐTĐKT", [("Trần Thị Thu Hà", Gender.Female), ("Đặng Quốc Hưng", Gender.Male)]);
            return (_decided = (sessionId, campaign, [.. ids])).Value;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// A council session on two nominees of the current regular campaign, forwarded by the appraiser, voted by the whole
    /// council (all for the first unless <paramref name="firstPasses"/> is false; an abstention on the second, so it fails at
    /// 8 of 9), closed and numbered. A session where nobody passes leaves the appraisal report as it was.
    /// </summary>
    private async Task<(Guid SessionId, Guid Campaign, Guid[] Nominations)> ClosedSessionAsync(string number, (string Name, Gender Gender)[] nominees,
        bool firstPasses = true)
    {
        var campaign = await _steps.CampaignAsync(DemoCatalog.CurrentRegularCampaign);
        var ids = new List<Guid>();
        foreach (var (name, gender) in nominees)
        {
            var id = await app.Send(DemoAccounts.OfficerTanHoa, new CreateNomination(campaign, DemoCatalog.ProvincialEmulationFighter, NomineeKind.Individual,
                new PersonInput(name, gender, 1979, "Trưởng thôn Đông"), null, $"Ba năm liền Chiến sĩ thi đua cơ sở ({name})."));
            await _steps.AttachRequiredDocumentsAsync(id);
            await app.Send(DemoAccounts.OfficerTanHoa, new AddDocument(id, DocumentKind.Minutes, "bien-ban.pdf", NominationSteps.Pdf));
            await app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, null));
            await _steps.ActAsync(DemoAccounts.Appraiser, id, "forward", $"Đủ điều kiện, tiêu chuẩn; đề nghị Hội đồng xét ({name}).");
            ids.Add(id);
        }
        var sessionId = await app.Send(Secretary, new OpenSession(DemoCatalog.Council, "Phiên họp xét danh hiệu Chiến sĩ thi đua cấp tỉnh năm 2026",
            TestClock.At(2026, 12, 3), "Hội trường UBND tỉnh", [.. ids]));
        foreach (var member in DemoAccounts.CouncilInOrder)
            await app.Send(Secretary, new RecordAttendance(sessionId, app.UserId(member), AttendanceStatus.Present));
        for (var i = 0; i < DemoAccounts.CouncilInOrder.Count; i++)
        {
            var member = DemoAccounts.CouncilInOrder[i];
            await app.Send(member, new CastSessionBallot(sessionId, ids[0], i == 8 && !firstPasses ? VoteChoice.Abstain : VoteChoice.Yes));
            await app.Send(member, new CastSessionBallot(sessionId, ids[1], i == 8 ? VoteChoice.Abstain : VoteChoice.Yes));
        }
        await app.Send(Secretary, new CloseSession(sessionId));
        await app.Send(Secretary, new RecordMinutesDetails(sessionId, number, null, null, new DateTimeOffset(2026, 12, 3, 10, 30, 0, TimeSpan.FromHours(7))));
        return (sessionId, campaign, [.. ids]);
    }

    private async Task<string> WriteAsync(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(path, content);
        return path;
    }

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

    /// <summary>The words the minutes page prints, in its order: one source for the page, the PDF and the .docx.</summary>
    /// <remarks>
    /// pdftotext reads a table row whose cells wrap line by line across the cells, so in the PDF the vote table's cells are
    /// checked as words (<paramref name="cellsInOrder"/> false); the .docx keeps every cell's text whole and in order.
    /// </remarks>
    private static IEnumerable<string> MinutesInOrder(SessionMinutes m, bool cellsInOrder = true)
    {
        var text = new MinutesText(m);
        IEnumerable<string> cells = cellsInOrder
            ? ["Đặng Quốc Hưng (Chiến sĩ thi đua cấp tỉnh)", "8/9 (88,89%)", "Không đạt", "Trần Thị Thu Hà (Chiến sĩ thi đua cấp tỉnh)", "9/9 (100%)", "Đạt"]
            : ["Đặng Quốc", "Trần Thị Thu", "8/9 (88,89%)", "Không đạt", "9/9 (100%)", "Đạt"];
        return
        [
            // The header's columns: the PDF reads across (body, nation, number, place-date), the .docx down each column.
            "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH LAM GIANG", "Độc lập - Tự do - Hạnh phúc",
            "Lam Giang, ngày 03 tháng 12 năm 2026", "BIÊN BẢN", "Phiên họp xét danh hiệu Chiến sĩ thi đua cấp tỉnh năm 2026",
            "Thời gian: bắt đầu lúc 09:00 ngày 03 tháng 12 năm 2026, kết thúc lúc 10:30.", "Địa điểm: Hội trường UBND tỉnh.",
            text.ChairAndSecretaryLine, "Tổng số thành viên: 9; có mặt: 9", "I. Thành phần", "Vũ Quang Huy", "Mai Xuân Trường",
            "II. Kết quả bỏ phiếu", .. cells, text.ClosingLine,
            "THƯ KÝ", "CHỦ TRÌ", "CHỦ TỊCH HỘI ĐỒNG", "Vũ Quang Huy",
        ];
    }

    [Fact]
    public async Task The_minutes_pdf_says_what_the_page_prints_with_a_place_for_the_secretary_and_the_chair_to_sign()
    {
        var (sessionId, _, _) = await DecidedAsync();
        var minutes = await app.Send(DemoAccounts.Appraiser, new GetSession(sessionId));
        var file = await app.Send(DemoAccounts.Appraiser, new GetMinutesDocument(sessionId, "pdf"));
        file.ContentType.Should().Be("application/pdf");
        file.FileName.Should().Be("bien-ban-05-BB-HDTDKT.pdf");
        var path = await WriteAsync(file.FileName, file.Content);
        // Page 1 rendered for a person to look at (artifacts/pdf/, git-ignored).
        var target = Path.Combine(Artifacts, "minutes-page-1");
        var render = await PdfTools.RunAsync("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", path, target);
        render.ExitCode.Should().Be(0, render.Error);
        new FileInfo(target + ".png").Length.Should().BeGreaterThan(10_000, "a rendered page of text, not a blank image");

        var text = Flat(await PdfTools.TextAsync(path));
        InOrder(text, MinutesInOrder(minutes, cellsInOrder: false));
        text.Should().Contain("Số: 05/BB-HĐTĐKT").And.Contain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").And.Contain("Hoàng Văn Dũng").And.Contain("Nơi nhận:");
        foreach (var recipient in minutes.Recipients)
            text.Should().Contain(Flat(recipient));
        text.Should().NotContain("bỏ phiếu kín", "no item was voted secretly");

        // Two places, side by side on the last page, between each title and name: the secretary's left, the chair's right.
        var signable = GetMinutesDocumentHandler.Signable(minutes);
        signable.Signatures.Select(s => (s.Role, s.Name)).Should().Equal(("Thư ký", "Hoàng Văn Dũng"), ("Chủ trì", "Vũ Quang Huy"));
        var (secretary, chair) = (signable.Signatures[0].Place, signable.Signatures[1].Place);
        var pages = await PdfTools.PageCountAsync(path);
        secretary.PageIndex.Should().Be(pages - 1);
        chair.PageIndex.Should().Be(pages - 1);
        chair.Top.Should().BeApproximately(secretary.Top, 0.01, "the two rooms and names line up");
        (secretary.Left + secretary.Width).Should().BeLessThan(chair.Left, "the boxes do not overlap");
        (chair.Left + chair.Width).Should().BeLessThan(PageFlow.Mm(210 - 15));
        secretary.Height.Should().BeGreaterThan(PageFlow.Mm(15));

        // A signature at the secretary's place is valid for pdfsig (the second, the chair's, waits for multi-signature support).
        var signer = new Pkcs12DocumentSigner(Options.Create(new Pkcs12SigningOptions
        {
            Certificates = { ["bcd.thuongtruc"] = new Pkcs12Certificate { Path = TestCertificates.SignerPkcs12(_folder, "Hoàng Văn Dũng", "mật-khẩu"), Password = "mật-khẩu" } },
        }), TimeProvider.System);
        var signed = await signer.SignAsync(signable.Content, new SignerIdentity("Hoàng Văn Dũng", "bcd.thuongtruc"), "Ký biên bản", "Lam Giang", secretary);
        var check = await PdfTools.RunAsync("pdfsig", await WriteAsync("signed.pdf", signed));
        check.All.Should().Contain("Signature is Valid.").And.Contain("Total document signed");

    }

    [Fact]
    public async Task The_secretary_then_the_chair_sign_the_minutes_and_pdfsig_finds_both_signatures_valid()
    {
        var (sessionId, _, _) = await DecidedAsync();
        var chair = DemoAccounts.SteeringHead; // the council's chair by default ("Vũ Quang Huy")
        var options = app.Services.GetRequiredService<IOptions<Pkcs12SigningOptions>>().Value;
        foreach (var (account, folder) in new[] { (Secretary, "thu-ky"), (chair, "chu-tri") })
        {
            var dir = Directory.CreateDirectory(Path.Combine(_folder, folder)).FullName;
            options.Certificates[account.UserName] = new Pkcs12Certificate { Path = TestCertificates.SignerPkcs12(dir, account.DisplayName, "mk-" + folder), Password = "mk-" + folder };
        }

        // The chair does not sign first; another member never signs; nothing is stored by a refusal.
        var early = () => app.Send(chair, new SignMinutes(sessionId));
        (await early.Should().ThrowAsync<ForbiddenException>()).Which.Code.Should().Be("not-minutes-signer");
        var stranger = () => app.Send(DemoAccounts.CouncilInOrder[4], new SignMinutes(sessionId));
        (await stranger.Should().ThrowAsync<ForbiddenException>()).Which.Message.Should().Contain("Hoàng Văn Dũng");
        var none = () => app.Send(DemoAccounts.Leader, new GetSignedMinutesPdf(sessionId));
        await none.Should().ThrowAsync<NotFoundException>();

        (await app.Send(Secretary, new GetMinutesSignatures(sessionId))).ReaderSignsNext.Should().BeTrue("the minutes page offers the secretary the signing");
        (await app.Send(chair, new GetMinutesSignatures(sessionId))).ReaderSignsNext.Should().BeFalse();
        var first = await app.Send(Secretary, new SignMinutes(sessionId));
        (await app.Send(chair, new GetMinutesSignatures(sessionId))).ReaderSignsNext.Should().BeTrue("then the chair");
        first.Role.Should().Be(MinutesSignatureRole.Secretary);
        first.SignerName.Should().Be("Hoàng Văn Dũng");
        var afterSecretary = await app.Send(DemoAccounts.Leader, new GetSignedMinutesPdf(sessionId));
        afterSecretary.FileName.Should().Be("bien-ban-05-BB-HDTDKT-thu-ky-da-ky.pdf");

        var second = await app.Send(chair, new SignMinutes(sessionId));
        second.Role.Should().Be(MinutesSignatureRole.Chair);
        var again = () => app.Send(chair, new SignMinutes(sessionId));
        (await again.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("minutes-already-signed");

        var listed = await app.Send(DemoAccounts.Leader, new GetMinutesSignatures(sessionId));
        listed.Signed.Select(v => (v.Role, v.SignerName)).Should().Equal((MinutesSignatureRole.Secretary, "Hoàng Văn Dũng"), (MinutesSignatureRole.Chair, "Vũ Quang Huy"));
        listed.ReaderSignsNext.Should().BeFalse();
        var record = await app.Send(DemoAccounts.Leader, new GetSignedMinutesPdf(sessionId));
        record.FileName.Should().Be("bien-ban-05-BB-HDTDKT-da-ky.pdf");
        record.Content.AsSpan(0, afterSecretary.Content.Length).SequenceEqual(afterSecretary.Content).Should().BeTrue("the chair's signature is appended, the secretary's version kept byte for byte");
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(record.Content)).Should().Be(second.Sha256);
        var check = await PdfTools.RunAsync("pdfsig", await WriteAsync("minutes-signed.pdf", record.Content));
        Regex.Matches(check.All, "Signature is Valid").Count.Should().Be(2, check.All);
        check.All.Should().Contain("Hoàng Văn Dũng").And.Contain("Vũ Quang Huy").And.Contain("Total document signed");
        var path = await WriteAsync("minutes-signed-text.pdf", record.Content);
        File.Copy(path, Path.Combine(Artifacts, "minutes-signed.pdf"), overwrite: true); // for a person to open in a reader
        var text = Flat(await PdfTools.TextAsync(path));
        text.Should().Contain("Số: 05/BB-HĐTĐKT");
        // Both signatures drawn in their places on the last page: who, the organisation their certificate names, when.
        var pages = await PdfTools.PageCountAsync(path);
        var signedPage = Flat(await PdfTools.TextAsync(path, pages));
        signedPage.Should().Contain("Ký bởi: Hoàng Văn Dũng").And.Contain("Ký bởi: Vũ Quang Huy");
        Regex.Matches(signedPage, "Ủy ban nhân dân tỉnh Lam Giang").Count.Should().Be(2, "each box names the organisation of its certificate");
        Regex.Matches(signedPage, @"Ngày ký: \d{2}/\d{2}/\d{4} \d{2}:\d{2}").Count.Should().Be(2);
        var render = await PdfTools.RunAsync("pdftoppm", "-png", "-r", "80", "-f", $"{pages}", "-l", $"{pages}", "-singlefile", path,
            Path.Combine(Artifacts, "minutes-signed-last-page"));
        render.ExitCode.Should().Be(0, render.Error);
        render.Error.Should().NotContain("font", "the fonts copied into the appended appearance render (poppler complains of a broken font file)");

        await using var db = app.CreateDbContext();
        (await db.AuditEntries.AsNoTracking().CountAsync(a => a.Action == "minutes.signed")).Should().Be(2);
        var stored = await db.SignedMinutes.AsNoTracking().Where(d => d.SessionId == sessionId).ToListAsync();
        var change = () => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE signed_minutes_documents SET signer_name = 'x' WHERE id = {stored[0].Id}");
        await change.Should().ThrowAsync<Npgsql.PostgresException>("a signed version is never changed");
    }

    [Fact]
    public async Task The_secretary_then_the_chair_sign_the_minutes_through_external_signers_that_only_see_the_digest()
    {
        await DecidedAsync(); // the campaign and the clock the other tests use
        var (sessionId, _, _) = await ClosedSessionAsync("06/BB-HĐTĐKT", [("Lê Văn Bình", Gender.Male), ("Phan Thị Mai", Gender.Female)], firstPasses: false);
        var chair = DemoAccounts.SteeringHead;
        var keys = new Dictionary<string, (X509Certificate2 Signer, X509Certificate2 Authority)>();
        foreach (var (account, folder) in new[] { (Secretary, "token-thu-ky"), (chair, "token-chu-tri") })
        {
            var dir = Directory.CreateDirectory(Path.Combine(_folder, folder)).FullName;
            var p12 = TestCertificates.SignerPkcs12(dir, account.DisplayName, "token");
            var signer = X509CertificateLoader.LoadPkcs12CollectionFromFile(p12, "token", X509KeyStorageFlags.EphemeralKeySet).Single(c => c.HasPrivateKey);
            keys[account.UserName] = (signer, X509CertificateLoader.LoadCertificateFromFile(TestCertificates.AuthorityOf(dir)));
        }
        byte[] Token(DemoAccounts.Account account, string digest) =>
            DigestOnlySigner.Sign(Convert.FromBase64String(digest), keys[account.UserName].Signer, keys[account.UserName].Authority, app.Clock.GetUtcNow());

        // The order holds for tokens too: the chair does not prepare first.
        var early = () => app.Send(chair, new PrepareMinutesSigning(sessionId));
        (await early.Should().ThrowAsync<ForbiddenException>()).Which.Code.Should().Be("not-minutes-signer");

        var forSecretary = await app.Send(Secretary, new PrepareMinutesSigning(sessionId));
        forSecretary.DigestAlgorithm.Should().Be("SHA-256");
        Convert.FromBase64String(forSecretary.Digest).Should().HaveCount(32);
        // A CMS over another digest: refused, nothing stored, the session still open.
        var wrong = DigestOnlySigner.Sign(System.Security.Cryptography.SHA256.HashData("biên bản khác"u8.ToArray()),
            keys[Secretary.UserName].Signer, keys[Secretary.UserName].Authority, app.Clock.GetUtcNow());
        var refused = () => app.Send(Secretary, new CompleteMinutesSigning(sessionId, forSecretary.SessionId, Convert.ToBase64String(wrong)));
        (await refused.Should().ThrowAsync<UnprocessableException>()).Which.Code.Should().Be("signature-invalid");
        var first = await app.Send(Secretary, new CompleteMinutesSigning(sessionId, forSecretary.SessionId, Convert.ToBase64String(Token(Secretary, forSecretary.Digest))));
        first.Role.Should().Be(MinutesSignatureRole.Secretary);
        first.Verification.Should().Be(SignatureVerdict.NotCheckedAgainstTrustedRoots, "no trusted roots are configured in this harness");
        var secretaryVersion = await app.Send(DemoAccounts.Leader, new GetSignedMinutesPdf(sessionId));

        // Now the chair's turn: the secretary's used session completes nothing, and the secretary cannot prepare again.
        var reused = () => app.Send(Secretary, new CompleteMinutesSigning(sessionId, forSecretary.SessionId, Convert.ToBase64String(Token(Secretary, forSecretary.Digest))));
        (await reused.Should().ThrowAsync<ForbiddenException>()).Which.Code.Should().Be("not-minutes-signer");
        var forChair = await app.Send(chair, new PrepareMinutesSigning(sessionId));
        var second = await app.Send(chair, new CompleteMinutesSigning(sessionId, forChair.SessionId, Convert.ToBase64String(Token(chair, forChair.Digest))));
        second.Role.Should().Be(MinutesSignatureRole.Chair);
        second.SignerName.Should().Be("Vũ Quang Huy");

        var record = await app.Send(DemoAccounts.Leader, new GetSignedMinutesPdf(sessionId));
        record.FileName.Should().Be("bien-ban-06-BB-HDTDKT-da-ky.pdf");
        record.Content.AsSpan(0, secretaryVersion.Content.Length).SequenceEqual(secretaryVersion.Content).Should().BeTrue("the chair's signature is appended");
        var path = await WriteAsync("minutes-deferred.pdf", record.Content);
        var check = await PdfTools.RunAsync("pdfsig", path);
        Regex.Matches(check.All, "Signature is Valid").Count.Should().Be(2, check.All);
        check.All.Should().Contain("Hoàng Văn Dũng").And.Contain("Vũ Quang Huy").And.Contain("Total document signed");
        var signedPage = Flat(await PdfTools.TextAsync(path, await PdfTools.PageCountAsync(path)));
        signedPage.Should().Contain("Ký bởi: Hoàng Văn Dũng").And.Contain("Ký bởi: Vũ Quang Huy");

        await using var db = app.CreateDbContext();
        (await db.MinutesSigningSessions.AsNoTracking().AnyAsync(s => s.SessionId == sessionId)).Should().BeFalse("completed sessions are removed");
        var audited = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "minutes.signed").Select(a => a.Data).ToListAsync();
        audited.Count(d => d != null && d.Contains("Deferred")).Should().Be(2);
    }

    [Fact]
    public async Task The_minutes_docx_draft_has_the_same_words_A4_pages_and_a_repeating_table_header()
    {
        var (sessionId, _, _) = await DecidedAsync();
        var minutes = await app.Send(DemoAccounts.Leader, new GetSession(sessionId));
        var file = await app.Send(DemoAccounts.Leader, new GetMinutesDocument(sessionId, "docx"));
        file.ContentType.Should().Be("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        file.FileName.Should().Be("bien-ban-05-BB-HDTDKT.docx");

        using var docx = WordprocessingDocument.Open(new MemoryStream(file.Content), false);
        var body = docx.MainDocumentPart!.Document.Body!;
        InOrder(Flat(string.Join(" ", body.Descendants<Paragraph>().Select(p => p.InnerText))), MinutesInOrder(minutes));

        var size = body.Descendants<PageSize>().Single();
        (size.Width!.Value, size.Height!.Value).Should().Be((11906u, 16838u), "A4 in twentieths of a point");
        body.Descendants<PageMargin>().Single().Left!.Value.Should().Be(1701u, "30 mm on the left (Decree 30/2020)");
        var attendance = body.Descendants<Table>().Single(t => t.InnerText.Contains("Tình hình tham dự"));
        var rows = attendance.Elements<TableRow>().ToList();
        rows.Should().HaveCount(1 + 9);
        rows[0].Descendants<TableHeader>().Should().ContainSingle("the header row repeats on every page");
        rows[1].InnerText.Should().Contain("Vũ Quang Huy").And.Contain("Có mặt");
    }

    [Fact]
    public async Task Only_those_who_may_open_the_minutes_may_download_them()
    {
        var (sessionId, _, _) = await DecidedAsync();
        foreach (var reader in new[] { DemoAccounts.CouncilMember4, DemoAccounts.Appraiser, DemoAccounts.Leader, DemoAccounts.Admin })
            (await app.Send(reader, new GetMinutesDocument(sessionId, "pdf"))).Content.Should().NotBeEmpty();

        var officer = () => app.Send(DemoAccounts.OfficerTanHoa, new GetMinutesDocument(sessionId, "docx"));
        await officer.Should().ThrowAsync<ForbiddenException>();
        var unknown = () => app.Send(DemoAccounts.Appraiser, new GetMinutesDocument(Guid.NewGuid(), "pdf"));
        await unknown.Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task The_appraisal_report_lists_what_waits_for_the_decision_with_the_council_vote_and_the_appraisal_comment()
    {
        var (_, campaign, ids) = await DecidedAsync();
        var report = await app.Send(DemoAccounts.Leader, new GetAppraisalReport(campaign));

        // Only the one that passed the council waits for the decision.
        report.Nominations.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            NominationId = ids[0], NomineeName = "Trần Thị Thu Hà", UnitName = "UBND xã Tân Hòa", AwardFormName = "Chiến sĩ thi đua cấp tỉnh",
            VoteResult = "Đạt: 9/9 thành viên đồng ý (100%)",
            AppraisalComment = "Đủ điều kiện, tiêu chuẩn; đề nghị Hội đồng xét (Trần Thị Thu Hà).",
        });
        report.Office.Should().Be("Sở Nội vụ tỉnh Lam Giang – Phòng Thi đua, khen thưởng");
        report.Signer.Should().Be(new AppraisalSigner("Trịnh Thu Lan", "Chuyên viên Phòng Thi đua, khen thưởng"));

        var pdf = await app.Send(DemoAccounts.Appraiser, new GetAppraisalReportDocument(campaign, null, "pdf"));
        pdf.FileName.Should().StartWith("bao-cao-tham-dinh-").And.EndWith(".pdf");
        var path = await WriteAsync(pdf.FileName, pdf.Content);
        string[] inOrder =
        [
            "SỞ NỘI VỤ TỈNH LAM GIANG", "PHÒNG THI ĐUA, KHEN THƯỞNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO",
            "Kết quả thẩm định hồ sơ đề nghị khen thưởng", "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lam Giang.", "I. Kết quả thẩm định",
            "trình quyết định khen thưởng: 01 hồ sơ (01 cá nhân)", "- Chiến sĩ thi đua cấp tỉnh: 01 cá nhân;",
            "STT", "Trần Thị Thu Hà", "Đủ điều kiện, tiêu chuẩn; đề nghị Hội đồng xét",
            "II. Kết luận và đề xuất",
            "Kính trình Chủ tịch Ủy ban nhân dân tỉnh Lam Giang xem xét, quyết định tặng Chiến sĩ thi đua cấp tỉnh cho 01 cá nhân (có danh sách kèm theo).",
            "Nơi nhận:", "CHUYÊN VIÊN PHÒNG THI ĐUA, KHEN THƯỞNG", "Trịnh Thu Lan",
        ];
        var text = Flat(await PdfTools.TextAsync(path));
        InOrder(text, inOrder);
        // A table's header cells that wrap are read by pdftotext across the row, line by line: checked as words.
        text.Should().Contain("Đơn vị").And.Contain("Ý kiến thẩm định").And.Contain("Kết quả biểu").And.Contain("UBND xã Tân").And.Contain("Đạt: 9/9");
        text.Should().NotContain("Đặng Quốc Hưng", "the council did not pass him: he does not wait for the decision");
        var render = await PdfTools.RunAsync("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", path, Path.Combine(Artifacts, "appraisal-report-page-1"));
        render.ExitCode.Should().Be(0, render.Error);

        var docx = await app.Send(DemoAccounts.Admin, new GetAppraisalReportDocument(campaign, null, "docx"));
        using var word = WordprocessingDocument.Open(new MemoryStream(docx.Content), false);
        var words = Flat(string.Join(" ", word.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText)));
        InOrder(words, inOrder);
        // The .docx keeps each cell whole: the row reads in order.
        InOrder(words, ["Trần Thị Thu Hà", "UBND xã Tân Hòa", "Chiến sĩ thi đua cấp tỉnh", "Đạt: 9/9 thành viên đồng ý (100%)",
            "Đủ điều kiện, tiêu chuẩn; đề nghị Hội đồng xét (Trần Thị Thu Hà)."]);
    }

    [Fact]
    public async Task The_appraisal_report_of_another_award_form_is_empty_and_the_wrong_people_and_input_are_refused()
    {
        var (_, campaign, _) = await DecidedAsync();
        Guid certificate;
        await using (var db = app.CreateDbContext())
            certificate = db.AwardForms.Single(a => a.Code == DemoCatalog.CertificateOfMerit).Id;
        var other = await app.Send(DemoAccounts.Appraiser, new GetAppraisalReport(campaign, certificate));
        other.Nominations.Should().BeEmpty();
        other.AwardFormName.Should().Be("Bằng khen của Chủ tịch UBND tỉnh");
        var text = Flat(await PdfTools.TextAsync(await WriteAsync("empty.pdf",
            (await app.Send(DemoAccounts.Appraiser, new GetAppraisalReportDocument(campaign, certificate, "pdf"))).Content)));
        text.Should().Contain("Không có hồ sơ nào đã được thẩm định và đang chờ quyết định khen thưởng.");

        foreach (var wrong in new[] { DemoAccounts.OfficerTanHoa, DemoAccounts.CouncilMember4 })
        {
            var refused = () => app.Send(wrong, new GetAppraisalReportDocument(campaign, null, "pdf"));
            await refused.Should().ThrowAsync<ForbiddenException>($"{wrong.UserName} is no appraiser, leader or administrator");
        }
        var unknownForm = () => app.Send(DemoAccounts.Appraiser, new GetAppraisalReport(campaign, Guid.NewGuid()));
        (await unknownForm.Should().ThrowAsync<InputException>()).Which.Fields.Should().ContainKey("awardFormId");
        var unknownCampaign = () => app.Send(DemoAccounts.Appraiser, new GetAppraisalReport(Guid.NewGuid()));
        await unknownCampaign.Should().ThrowAsync<NotFoundException>();
    }
}
