using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Commendations.Common.Errors;
using Commendations.Domain.Catalog;
using Commendations.Features.Admin.AwardForms;
using Commendations.Features.Decisions;
using Commendations.Features.Documents.Certificates;
using Commendations.Features.Documents.Pdf;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Registry;
using Microsoft.EntityFrameworkCore;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Commendations.Tests.Features.Documents;

/// <summary>
/// Certificates as PDFs for pre-printed blanks: each field read back by pdftotext -bbox where its award form's layout puts
/// it (millimetres from the blank's top-left corner), with its Vietnamese intact; the blank mode prints only the fields,
/// the full mode the border and title too; a changed layout moves the fields and turns the paper; a layout that leaves
/// the blank is refused field by field and changes nothing; only an administrator places the fields.
/// </summary>
public class CertificatePdfTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>, IDisposable
{
    private readonly AwardSteps _awards = new(app);
    private readonly string _folder = Directory.CreateTempSubdirectory("certificate-pdf-").FullName;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Guid? _decision;

    private static string Artifacts => Directory.CreateDirectory(
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../artifacts/pdf"))).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A decision for a collective and a person of Tân Hòa, dated 12/01/2027.</summary>
    private async Task<Guid> DecisionAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_decision is { } known)
                return known;
            var ids = await _awards.InDisclosureAsync(1, 1, "CN");
            await _awards.ToDecisionAsync(ids);
            var issued = await app.SendOnDecisionDay(DemoAccounts.Leader, new IssueDecision("07/QĐ-UBND", new DateOnly(2027, 1, 12), "Ngô Đức Mạnh",
                "Chủ tịch UBND tỉnh", "Đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026", ids));
            return (_decision = issued.DecisionId).Value;
        }
        finally
        {
            Gate.Release();
        }
    }

    private sealed record Word(int Page, double XMin, double YMin, double XMax, string Text);

    /// <summary>Every word of the PDF with its box in points from the page's top-left corner (pdftotext -bbox).</summary>
    private async Task<List<Word>> WordsAsync(byte[] pdf, string name)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(path, pdf);
        var result = await PdfTools.RunAsync("pdftotext", "-bbox", "-enc", "UTF-8", path, "-");
        result.ExitCode.Should().Be(0, result.Error);
        var words = new List<Word>();
        var pages = result.Out.Split("<page ").Skip(1).ToList();
        for (var p = 0; p < pages.Count; p++)
            foreach (Match m in Regex.Matches(pages[p], """<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>"""))
                words.Add(new Word(p + 1, D(m.Groups[1].Value), D(m.Groups[2].Value), D(m.Groups[3].Value), WebUtility.HtmlDecode(m.Groups[4].Value)));
        return words;
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static double Mm(double mm) => mm * 72 / 25.4;

    /// <summary>The words of <paramref name="phrase"/> as consecutive words of one page, or none.</summary>
    private static List<Word> Find(List<Word> words, int page, string phrase)
    {
        var parts = phrase.Normalize().Split(' ');
        var onPage = words.Where(w => w.Page == page).ToList();
        for (var i = 0; i + parts.Length <= onPage.Count; i++)
            if (parts.Select((p, k) => onPage[i + k].Text.Normalize() == p).All(x => x))
                return onPage.GetRange(i, parts.Length);
        return [];
    }

    /// <summary>The phrase starts within 2 mm of the field's top and lies in its box, placed as aligned.</summary>
    private static void ShouldBeAt(List<Word> words, int page, string phrase, CertificateFieldPosition field, bool wholeLine = true)
    {
        var found = Find(words, page, phrase);
        found.Should().NotBeEmpty($"\"{phrase}\" is printed on page {page} with its diacritics; words: {string.Join(" ", words.Where(w => w.Page == page).Select(w => w.Text))}");
        found[0].YMin.Should().BeApproximately(Mm(field.TopMm), Mm(2.5), $"{field.Field} prints {field.TopMm} mm from the top");
        double left = found.Min(w => w.XMin), right = found.Max(w => w.XMax);
        left.Should().BeGreaterThanOrEqualTo(Mm(field.LeftMm) - 1);
        right.Should().BeLessThanOrEqualTo(Mm(field.LeftMm + field.WidthMm) + 1);
        // A phrase that is only the start of a wrapped line shows its top and box, not its line's alignment.
        if (wholeLine && field.Align == FieldAlignment.Center)
            ((left + right) / 2).Should().BeApproximately(Mm(field.LeftMm + field.WidthMm / 2), Mm(2), $"{field.Field} is centred in its box");
        if (field.Align == FieldAlignment.Left)
            left.Should().BeApproximately(Mm(field.LeftMm), Mm(1));
    }

    [Fact]
    public async Task Each_field_lands_where_the_default_layout_puts_it_on_an_a4_landscape_blank_and_only_the_full_mode_prints_the_title()
    {
        var decisionId = await DecisionAsync();
        var file = await app.Send(DemoAccounts.OfficerTanHoa, new GetCertificatesPdf(decisionId, null, CertificateMode.Blank));
        file.FileName.Should().Be("chung-nhan-07-QD-UBND.pdf");
        var path = Path.Combine(Artifacts, "certificates-blank.pdf");
        await File.WriteAllBytesAsync(path, file.Content);
        (await PdfTools.PageCountAsync(path)).Should().Be(2, "one certificate per registry line");
        (await PdfTools.RunAsync("pdfinfo", path)).Out.Should().MatchRegex(@"Page size:\s+84[12](\.\d+)? x 595", "A4 landscape by default");

        var words = await WordsAsync(file.Content, "blank.pdf");
        var layout = CertificateLayout.Default;
        var page = Find(words, 1, "Bà CN Cá nhân 01").Count > 0 ? 1 : 2;
        ShouldBeAt(words, page, "Bà CN Cá nhân 01", layout.Of(CertificateField.NomineeName));
        ShouldBeAt(words, page, "UBND xã Tân Hòa", layout.Of(CertificateField.UnitName));
        ShouldBeAt(words, page, "Đã có thành tích xuất sắc", layout.Of(CertificateField.Citation), wholeLine: false);
        ShouldBeAt(words, page, "Lam Giang, ngày 12 tháng 01 năm 2027", layout.Of(CertificateField.PlaceAndDate));
        ShouldBeAt(words, page, "CHỦ TỊCH", layout.Of(CertificateField.SignerTitle));
        ShouldBeAt(words, page, "Ngô Đức Mạnh", layout.Of(CertificateField.SignerName));
        ShouldBeAt(words, page, "Quyết định số 07/QĐ-UBND ngày 12/01/2027", layout.Of(CertificateField.DecisionLine));
        Find(words, page, "Số sổ vàng:").Should().NotBeEmpty();
        ShouldBeAt(words, page, "Số sổ vàng:", layout.Of(CertificateField.RegisterNumber));
        ShouldBeAt(words, 3 - page, "CN Tập thể 01", layout.Of(CertificateField.NomineeName));
        words.Should().NotContain(w => w.Text == "KHEN", "the blank has its title pre-printed");

        var full = await app.Send(DemoAccounts.OfficerTanHoa, new GetCertificatesPdf(decisionId, null, CertificateMode.Full));
        var proof = await WordsAsync(full.Content, "full.pdf");
        Find(proof, 1, "BẰNG KHEN").Should().NotBeEmpty("the proof prints the title");
        Find(proof, 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").Should().NotBeEmpty();
        Find(proof, 1, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAM GIANG").Should().NotBeEmpty();
        Find(proof, 1, "Tặng").Should().NotBeEmpty();
        var fullPath = Path.Combine(Artifacts, "certificates-full.pdf");
        await File.WriteAllBytesAsync(fullPath, full.Content);
        foreach (var (source, name) in new[] { (path, "certificate-blank"), (fullPath, "certificate-full") })
        {
            var render = await PdfTools.RunAsync("pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", source, Path.Combine(Artifacts, name));
            render.ExitCode.Should().Be(0, render.Error);
        }
    }

    [Fact]
    public async Task The_certificates_as_an_editable_docx_frame_each_field_where_the_blank_leaves_room_one_page_per_line()
    {
        var decisionId = await DecisionAsync();
        var lines = await app.Send(DemoAccounts.OfficerTanHoa, new Commendations.Features.Registry.GetCertificates(decisionId));
        var file = await app.Send(DemoAccounts.OfficerTanHoa, new GetCertificatesDocx(decisionId, null));
        file.FileName.Should().Be("chung-nhan-07-QD-UBND.docx");
        file.ContentType.Should().Be("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        await File.WriteAllBytesAsync(Path.Combine(Artifacts, "certificates.docx"), file.Content);

        using var stream = new MemoryStream(file.Content);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        var body = word.MainDocumentPart!.Document.Body!;
        var sections = body.Descendants<W.SectionProperties>().ToList();
        sections.Should().HaveCount(2, "one page per registry line");
        foreach (var section in sections)
        {
            var size = section.GetFirstChild<W.PageSize>()!;
            ((int)size.Width!.Value).Should().Be(Twips(297), "A4 landscape, as the award form's default blank");
            ((int)size.Height!.Value).Should().Be(Twips(210));
        }

        var layout = CertificateLayout.Default;
        var person = lines.Single(l => l.ListedName == "Bà CN Cá nhân 01");
        // The person's certificate is the section that names her; every field framed at its place, size and alignment.
        var paragraphs = body.Elements<W.Paragraph>().ToList();
        var start = paragraphs.FindIndex(p => p.InnerText == person.ListedName);
        start.Should().BeGreaterThanOrEqualTo(0, "the nominee's name is a paragraph of its own");
        var own = paragraphs.Skip(start - layout.Fields.ToList().FindIndex(f => f.Field == CertificateField.NomineeName)).Take(layout.Fields.Count).ToList();
        foreach (var (position, paragraph) in layout.Fields.Zip(own))
        {
            var expected = string.Concat(CertificatePdf.Text(person, position.Field));
            paragraph.InnerText.Should().Be(expected, $"the field {position.Field} prints what the PDF prints");
            var frame = paragraph.ParagraphProperties!.FrameProperties!;
            (frame.X!.Value, frame.Y!.Value, frame.Width!.Value).Should().Be(($"{Twips(position.LeftMm)}", $"{Twips(position.TopMm)}", $"{Twips(position.WidthMm)}"));
            frame.HorizontalPosition!.Value.Should().Be(W.HorizontalAnchorValues.Page);
            frame.VerticalPosition!.Value.Should().Be(W.VerticalAnchorValues.Page);
            paragraph.ParagraphProperties.Justification!.Val!.Value.Should().Be(position.Align == FieldAlignment.Center ? W.JustificationValues.Center : W.JustificationValues.Left);
            paragraph.Descendants<W.FontSize>().First().Val!.Value.Should().Be($"{(int)Math.Round(position.FontSize * 2)}");
        }
        own.Select(p => p.InnerText).Should().Contain(["Ngô Đức Mạnh", "Quyết định số 07/QĐ-UBND ngày 12/01/2027", $"Số sổ vàng: {person.RegisterNumber}",
            "Lam Giang, ngày 12 tháng 01 năm 2027"]);
        own.Single(p => p.InnerText == person.ListedName).Descendants<W.Bold>().Should().NotBeEmpty("the name is bold, as on the PDF");

        // One line alone: one page, its own register number in the file name.
        var one = await app.Send(DemoAccounts.OfficerTanHoa, new GetCertificatesDocx(decisionId, person.AwardRecordId));
        one.FileName.Should().Be($"chung-nhan-{person.RegisterNumber}-07-QD-UBND.docx");
        using var oneStream = new MemoryStream(one.Content);
        using var oneWord = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(oneStream, false);
        oneWord.MainDocumentPart!.Document.Body!.Descendants<W.SectionProperties>().Should().HaveCount(1);
        oneWord.MainDocumentPart.Document.Body!.InnerText.Should().Contain(person.ListedName).And.NotContain("CN Tập thể 01");
    }

    private static int Twips(double mm) => (int)Math.Round(mm * 1440 / 25.4);

    [Fact]
    public async Task A_layout_the_administrator_saves_moves_the_fields_and_turns_the_paper_and_one_line_prints_alone()
    {
        var decisionId = await DecisionAsync();
        var formId = await FormIdAsync();
        try
        {
            var moved = CertificateLayout.Default with
            {
                Orientation = CertificateOrientation.Portrait,
                Fields = CertificateLayout.Default.Fields.Select(f => f.Field == CertificateField.NomineeName
                    ? f with { LeftMm = 20, TopMm = 140, WidthMm = 170, FontSize = 20, Align = FieldAlignment.Left }
                    : f with { LeftMm = 20, WidthMm = 170 }).ToList(),
            };
            var saved = await app.Send(DemoAccounts.Admin, new SaveCertificateLayout(formId, moved));
            saved.IsDefault.Should().BeFalse();
            (await app.Send(DemoAccounts.Admin, new GetCertificateLayout(formId))).Layout.Of(CertificateField.NomineeName).TopMm.Should().Be(140);

            var line = (await app.Send(DemoAccounts.OfficerTanHoa, new Commendations.Features.Registry.GetCertificates(decisionId))).First();
            var file = await app.Send(DemoAccounts.OfficerTanHoa, new GetCertificatesPdf(decisionId, line.AwardRecordId, CertificateMode.Blank));
            file.FileName.Should().Be($"chung-nhan-{line.RegisterNumber}-07-QD-UBND.pdf");
            var path = Path.Combine(_folder, "one.pdf");
            await File.WriteAllBytesAsync(path, file.Content);
            (await PdfTools.PageCountAsync(path)).Should().Be(1);
            (await PdfTools.RunAsync("pdfinfo", path)).Out.Should().MatchRegex(@"Page size:\s+595(\.\d+)? x 84[12]", "A4 portrait now");
            ShouldBeAt(await WordsAsync(file.Content, "one-bbox.pdf"), 1, line.ListedName, moved.Of(CertificateField.NomineeName));
        }
        finally
        {
            await using var db = app.CreateDbContext();
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE award_forms SET certificate_layout = NULL WHERE id = {formId}");
        }
    }

    [Fact]
    public async Task A_layout_off_the_blank_is_refused_on_each_field_and_nothing_changes_and_only_an_administrator_places_fields()
    {
        var formId = await FormIdAsync();
        var fields = CertificateLayout.Default.Fields.ToList();
        fields[0] = fields[0] with { LeftMm = 300 };
        fields[2] = fields[2] with { FontSize = 100 };
        fields[3] = fields[3] with { TopMm = 209 };
        var bad = CertificateLayout.Default with { Fields = fields.Take(7).Concat([fields[3]]).Select((f, i) => i == 7 ? f with { TopMm = 10 } : f).ToList() };

        var refused = () => app.Send(DemoAccounts.Admin, new SaveCertificateLayout(formId, bad));
        var errors = (await refused.Should().ThrowAsync<InputException>()).Which.Errors;
        errors.Keys.Should().Contain(["layout.fields[0].leftMm", "layout.fields[2].fontSize", "layout.fields[3].topMm", "layout.fields"]);
        errors["layout.fields[0].leftMm"].Single().Should().Contain(CertificateFieldNames.Of(fields[0].Field).Format()).And.Contain("297 mm");
        errors["layout.fields"].Single().Should().Contain("Số sổ vàng", "the register number has no place")
            .And.Contain("Địa danh, ngày tháng", "the place and date is there twice");
        (await app.Send(DemoAccounts.Admin, new GetCertificateLayout(formId))).IsDefault.Should().BeTrue("nothing was saved");

        var officer = () => app.Send(DemoAccounts.OfficerTanHoa, new SaveCertificateLayout(formId, CertificateLayout.Default));
        (await officer.Should().ThrowAsync<ForbiddenException>()).Which.Code.Should().Be("role-required");
        var read = () => app.Send(DemoAccounts.OfficerTanHoa, new GetCertificateLayout(formId));
        (await read.Should().ThrowAsync<ForbiddenException>()).Which.Code.Should().Be("role-required");
    }

    private async Task<Guid> FormIdAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.AwardForms.Where(f => f.Code == DemoCatalog.CertificateOfMerit).Select(f => f.Id).SingleAsync();
    }
}
