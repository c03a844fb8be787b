using System.Globalization;
using Commendations.Features.Decisions;
using Commendations.Features.Documents.Signing;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Commendations.Features.Documents.Pdf;

/// <summary>
/// The award decision as a PDF, laid out as a Vietnamese administrative decision (Decree 30/2020/NĐ-CP, Appendix I): the
/// issuing body and the national motto side by side, number and symbol, place and date, the title and subject, the
/// authority and its legal basis, the articles with the list of awardees (its header repeated on every page it reaches),
/// the recipients and the signature block; pages from the second numbered at the top. Every word comes from
/// <see cref="DecisionDetail"/>, as the printable page shows it — the document is Vietnamese whatever the reader's language.
/// </summary>
public static class DecisionPdf
{
    public const string ContentType = "application/pdf";

    private const double BodySize = 13, HeadingSize = 14, HeaderSize = 12.5, TableSize = 12, RecipientsSize = 11;

    /// <summary>The list's columns, as on the printable page: number, awardee, unit, award.</summary>
    public static readonly IReadOnlyList<TableColumn> AwardeeColumns =
    [
        new("STT", 11, TextAlign.Center), new("Tập thể, cá nhân", 58), new("Đơn vị", 50), new("Hình thức", 0),
    ];

    public static byte[] Build(DecisionDetail d) => Generate(d).Content;

    /// <summary>The PDF and where its signature goes: the room between the signer's title and name.</summary>
    public static GeneratedPdf Generate(DecisionDetail d)
    {
        EmbeddedFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"Quyết định số {d.Number}";
        document.Info.Subject = d.Subject;
        document.Info.Author = d.IssuerHeading;
        document.Info.Creator = "Commendations";
        document.Language = "vi-VN";

        SignaturePlace signature;
        using (var flow = new PageFlow(document, PageMargins.AdministrativeDocument))
        {
            Header(flow, d);
            Preamble(flow, d);
            signature = Articles(flow, d);
        }
        NumberPages(document);

        using var output = new MemoryStream();
        document.Save(output, false);
        return new GeneratedPdf(output.ToArray(), signature);
    }

    /// <summary>"quyet-dinh-05-QD-UBND.pdf": the number in ASCII, safe in any file system and download header.</summary>
    public static string FileName(string number)
    {
        var ascii = new string(number.Replace('Đ', 'D').Replace('đ', 'd').Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        var slug = string.Join('-', ascii.Split('-', StringSplitOptions.RemoveEmptyEntries));
        return $"quyet-dinh-{(slug.Length == 0 ? "khong-so" : slug)}.pdf";
    }

    private static XFont Font(double size, XFontStyleEx style = XFontStyleEx.Regular) =>
        new(EmbeddedFonts.Family, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));

    /// <summary>
    /// Issuing body (left, 2/5) and the national motto (right, 3/5), each centred over its rule; below them, on one line,
    /// the number and symbol (left) and the place and date (right).
    /// </summary>
    private static void Header(PageFlow flow, DecisionDetail d)
    {
        var gfx = flow.Graphics;
        double leftWidth = flow.Width * 0.4, rightWidth = flow.Width - leftWidth;
        double leftX = flow.Left, rightX = flow.Left + leftWidth;
        var top = flow.Y;

        var issuer = TextLayout.BalancedLines(gfx, [new TextRun(d.IssuerHeading, Font(HeaderSize, XFontStyleEx.Bold))], leftWidth - 6);
        var leftRule = top + TextLayout.Draw(gfx, issuer, leftX, top, leftWidth, TextAlign.Center) + RuleGap;
        flow.Rule(leftX + leftWidth / 2, issuer.Max(l => l.Width) * 0.4, leftRule);

        var nation = TextLayout.Lines(gfx, [new TextRun("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Font(HeaderSize, XFontStyleEx.Bold))], rightWidth);
        var motto = TextLayout.Lines(gfx, [new TextRun("Độc lập - Tự do - Hạnh phúc", Font(BodySize, XFontStyleEx.Bold))], rightWidth);
        var rightRule = top + TextLayout.Draw(gfx, nation, rightX, top, rightWidth, TextAlign.Center);
        rightRule += TextLayout.Draw(gfx, motto, rightX, rightRule, rightWidth, TextAlign.Center) + RuleGap;
        // The motto's rule is as long as the motto (Decree 30/2020, Appendix I).
        flow.Rule(rightX + rightWidth / 2, motto.Max(l => l.Width), rightRule);

        var y = Math.Max(leftRule, rightRule) + 8;
        var number = TextLayout.Lines(gfx, [new TextRun($"Số: {d.Number}", Font(BodySize))], leftWidth);
        var placeAndDate = TextLayout.Lines(gfx, [new TextRun(d.PlaceAndDate, Font(BodySize, XFontStyleEx.Italic))], rightWidth);
        var below = Math.Max(TextLayout.Draw(gfx, number, leftX, y, leftWidth, TextAlign.Center),
            TextLayout.Draw(gfx, placeAndDate, rightX, y, rightWidth, TextAlign.Center));
        flow.Y = y + below + 18;
    }

    private static void Preamble(PageFlow flow, DecisionDetail d)
    {
        var heading = Font(HeadingSize, XFontStyleEx.Bold);
        flow.Heading("QUYẾT ĐỊNH", heading);
        flow.Heading(d.Subject, heading);
        if (d.AmendsDecisionNumber is { } amended)
            flow.Heading($"(sửa đổi, bổ sung Quyết định số {amended})", heading);
        // The subject's rule: a third to a half of its line, centred below it.
        flow.Rule(flow.Left + flow.Width / 2, Math.Min(flow.Width / 3, flow.Graphics.MeasureString(d.Subject, heading).Width / 2), flow.Y + RuleGap);
        flow.Space(16);

        flow.Heading(d.AuthorityLine, heading, spaceAfter: 10);
        var basis = Font(BodySize, XFontStyleEx.Italic);
        foreach (var line in d.LegalBasis.Append(d.ProposalLine).Where(l => !string.IsNullOrWhiteSpace(l)))
            flow.Paragraph(line, basis, TextAlign.Justify, Indent, spaceAfter: 4);
        flow.Space(8);
        flow.Heading("QUYẾT ĐỊNH:", heading, spaceAfter: 8);
    }

    private static SignaturePlace Articles(PageFlow flow, DecisionDetail d)
    {
        flow.Paragraph(Article(1, d.ArticleOne), TextAlign.Justify, Indent, ArticleSpace);
        flow.Space(4);
        PdfTable.Draw(flow, AwardeeColumns,
            d.Awardees.Select((a, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), a.ListedName, a.UnitName, a.AwardFormName]),
            Font(TableSize, XFontStyleEx.Bold), Font(TableSize));
        flow.Space(8);

        // The last articles go with the signature block: a page holding only "Nơi nhận" and the signature would read as
        // detached from the decision it signs.
        var closing = new[] { Article(2, "Quyết định này có hiệu lực kể từ ngày ký."), Article(3, d.ExecutionLine) };
        var footer = Footer.Of(flow, d);
        flow.Keep(closing.Sum(a => TextLayout.Height(TextLayout.Lines(flow.Graphics, a, flow.Width, Indent)) + ArticleSpace) + FooterSpace + footer.Height);
        foreach (var article in closing)
            flow.Paragraph(article, TextAlign.Justify, Indent, ArticleSpace);
        flow.Space(FooterSpace);
        return footer.Draw(flow);
    }

    private static TextRun[] Article(int number, string text) =>
        [new TextRun($"Điều {number}.", Font(BodySize, XFontStyleEx.Bold)), new TextRun(" " + text, Font(BodySize))];

    /// <summary>Recipients (left, "Nơi nhận:") beside the signature block (right: titles, room to sign and seal, the name).</summary>
    private sealed record Footer(List<TextLine> Recipients, List<TextLine> Titles, List<TextLine> Name)
    {
        public double Height => Math.Max(TextLayout.Height(Recipients), TextLayout.Height(Titles) + SignatureSpace + TextLayout.Height(Name));

        public static Footer Of(PageFlow flow, DecisionDetail d)
        {
            var gfx = flow.Graphics;
            var half = flow.Width / 2;
            var recipients = TextLayout.Lines(gfx, [new TextRun("Nơi nhận:", Font(HeaderSize, XFontStyleEx.BoldItalic))], half);
            foreach (var r in d.Recipients)
                recipients.AddRange(TextLayout.Lines(gfx, [new TextRun($"- {r}", Font(RecipientsSize))], half - 6));
            var titleFont = Font(BodySize, XFontStyleEx.Bold);
            return new Footer(recipients, d.SignatureLines.SelectMany(l => TextLayout.Lines(gfx, [new TextRun(l, titleFont)], half)).ToList(),
                TextLayout.Lines(gfx, [new TextRun(d.SignerName, titleFont)], half));
        }

        /// <summary>Draws the footer; returns the room left for the signature.</summary>
        public SignaturePlace Draw(PageFlow flow)
        {
            flow.Keep(Height);
            var (gfx, half, top) = (flow.Graphics, flow.Width / 2, flow.Y);
            var left = top + TextLayout.Draw(gfx, Recipients, flow.Left, top, half, TextAlign.Left);
            var room = top + TextLayout.Draw(gfx, Titles, flow.Left + half, top, half, TextAlign.Center);
            var right = room + SignatureSpace;
            right += TextLayout.Draw(gfx, Name, flow.Left + half, right, half, TextAlign.Center);
            flow.Y = Math.Max(left, right);
            double inset = PageFlow.Mm(12), gap = PageFlow.Mm(3);
            return new SignaturePlace(flow.PageIndex, flow.Left + half + inset, room + gap, half - 2 * inset, SignatureSpace - 2 * gap);
        }
    }

    /// <summary>Arabic page numbers centred in the top margin from the second page on (Decree 30/2020, Appendix I).</summary>
    private static void NumberPages(PdfDocument document)
    {
        var font = Font(BodySize);
        for (var i = 1; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            gfx.DrawString((i + 1).ToString(CultureInfo.InvariantCulture), font, XBrushes.Black,
                new XRect(0, PageFlow.Mm(8), page.Width.Point, PageFlow.Mm(8)), XStringFormats.TopCenter);
        }
    }

    private const double ArticleSpace = 4, FooterSpace = 10;

    /// <summary>Between a line of text and the rule below it, clear of the letters' descenders.</summary>
    private const double RuleGap = 4;

    /// <summary>The first line's indent of body paragraphs: 1.27 cm.</summary>
    private static double Indent => PageFlow.Mm(12.7);

    /// <summary>Room for the handwritten signature and the seal between the signer's title and name.</summary>
    private static double SignatureSpace => PageFlow.Mm(28);
}

/// <summary>A generated document and where its signature is to be shown.</summary>
public sealed record GeneratedPdf(byte[] Content, SignaturePlace Signature);
