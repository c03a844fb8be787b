using System.Globalization;
using Commendations.Features.Documents.Official;
using Commendations.Features.Documents.Signing;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Commendations.Features.Documents.Pdf;

/// <summary>A generated document and the place of each of its signatures, by the signer's role ("Thư ký", "Chủ trì").</summary>
public sealed record SignablePdf(byte[] Content, IReadOnlyList<SignerPlace> Signatures);

/// <summary>Where one signer's signature goes: the room between their title and name.</summary>
public sealed record SignerPlace(string Role, string Name, SignaturePlace Place);

/// <summary>
/// Writes an <see cref="OfficialDocument"/> as an A4 PDF in the layout of the decision (<see cref="DecisionPdf"/>, Decree
/// 30/2020/NĐ-CP Appendix I): the same margins, sizes, embedded Noto Serif, header columns, justified body with the first
/// line indented, ruled tables over as many pages as they need, pages from the second numbered at the top. Each signer's
/// block leaves room for a signature, returned as a <see cref="SignaturePlace"/> so the document can be signed there.
/// </summary>
public static class OfficialDocumentPdf
{
    private const double BodySize = 13, HeadingSize = 14, HeaderSize = 12.5, TableSize = 11, RecipientsSize = 11;
    private const double RuleGap = 4, ParagraphSpace = 4;

    public static SignablePdf Generate(OfficialDocument d)
    {
        EmbeddedFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = d.Title;
        document.Info.Subject = string.Join(" ", d.Subject);
        document.Info.Author = string.Join(" ", d.IssuerHeading);
        document.Info.Creator = "Commendations";
        document.Language = "vi-VN";

        IReadOnlyList<SignerPlace> places;
        using (var flow = new PageFlow(document, PageMargins.AdministrativeDocument))
        {
            Header(flow, d);
            Title(flow, d);
            foreach (var block in d.Body)
                Block(flow, block);
            flow.Space(10);
            places = d.SignersSideBySide ? SignersSideBySide(flow, d) : SignerBesideRecipients(flow, d);
        }
        NumberPages(document);

        using var output = new MemoryStream();
        document.Save(output, false);
        return new SignablePdf(output.ToArray(), places);
    }

    internal static XFont Font(double size, XFontStyleEx style = XFontStyleEx.Regular) =>
        new(EmbeddedFonts.Family, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));

    private static XFont Font(double size, Span span) => Font(size, (span.Bold, span.Italic) switch
    {
        (true, true) => XFontStyleEx.BoldItalic,
        (true, false) => XFontStyleEx.Bold,
        (false, true) => XFontStyleEx.Italic,
        _ => XFontStyleEx.Regular,
    });

    /// <summary>The issuing body (left two fifths) and the motto (right), each over its rule; then number and place-date.</summary>
    private static void Header(PageFlow flow, OfficialDocument d)
    {
        var gfx = flow.Graphics;
        double leftWidth = flow.Width * 0.4, rightWidth = flow.Width - leftWidth;
        double leftX = flow.Left, rightX = flow.Left + leftWidth;
        var top = flow.Y;

        // The parent body in regular type above the issuing body in bold (Decree 30/2020, Appendix I).
        var issuer = d.IssuerHeading.SelectMany((line, i) => TextLayout.BalancedLines(gfx,
            [new TextRun(line, Font(HeaderSize, i < d.IssuerHeading.Count - 1 ? XFontStyleEx.Regular : XFontStyleEx.Bold))], leftWidth - 6)).ToList();
        var leftRule = top + TextLayout.Draw(gfx, issuer, leftX, top, leftWidth, TextAlign.Center) + RuleGap;
        flow.Rule(leftX + leftWidth / 2, issuer.Max(l => l.Width) * 0.4, leftRule);

        var nation = TextLayout.Lines(gfx, [new TextRun("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Font(HeaderSize, XFontStyleEx.Bold))], rightWidth);
        var motto = TextLayout.Lines(gfx, [new TextRun("Độc lập - Tự do - Hạnh phúc", Font(BodySize, XFontStyleEx.Bold))], rightWidth);
        var rightRule = top + TextLayout.Draw(gfx, nation, rightX, top, rightWidth, TextAlign.Center);
        rightRule += TextLayout.Draw(gfx, motto, rightX, rightRule, rightWidth, TextAlign.Center) + RuleGap;
        flow.Rule(rightX + rightWidth / 2, motto.Max(l => l.Width), rightRule);

        var y = Math.Max(leftRule, rightRule) + 8;
        var number = TextLayout.Lines(gfx, [new TextRun(d.NumberLine, Font(BodySize))], leftWidth);
        var placeAndDate = TextLayout.Lines(gfx, [new TextRun(d.PlaceAndDate, Font(BodySize, XFontStyleEx.Italic))], rightWidth);
        var below = Math.Max(TextLayout.Draw(gfx, number, leftX, y, leftWidth, TextAlign.Center),
            TextLayout.Draw(gfx, placeAndDate, rightX, y, rightWidth, TextAlign.Center));
        flow.Y = y + below + 18;
    }

    private static void Title(PageFlow flow, OfficialDocument d)
    {
        var heading = Font(HeadingSize, XFontStyleEx.Bold);
        flow.Heading(d.Kind, heading);
        foreach (var line in d.Subject)
            flow.Heading(line, heading);
        if (d.Subject.Count > 0)
            flow.Rule(flow.Left + flow.Width / 2, Math.Min(flow.Width / 3, flow.Graphics.MeasureString(d.Subject[^1], heading).Width / 2), flow.Y + RuleGap);
        flow.Space(16);
    }

    private static void Block(PageFlow flow, DocumentBlock block)
    {
        switch (block)
        {
            case Heading { Centered: true } h:
                flow.Heading(h.Text, Font(HeadingSize, XFontStyleEx.Bold), spaceAfter: 8);
                break;
            case Heading h:
                // A section heading is not left at the foot of a page: room for it and the start of what it heads (a table's header and first row).
                flow.Keep(2 * Font(BodySize).GetHeight() + PageFlow.Mm(25));
                flow.Paragraph(h.Text, Font(BodySize, XFontStyleEx.Bold), TextAlign.Left, 0, ParagraphSpace);
                break;
            case Paragraph p:
                flow.Paragraph(p.Spans.Select(s => new TextRun(s.Text, Font(BodySize, s))).ToList(),
                    p.Align switch { BlockAlign.Center => TextAlign.Center, BlockAlign.Left => TextAlign.Left, _ => TextAlign.Justify },
                    p.Indent ? Indent : 0, ParagraphSpace);
                break;
            case Table t:
                flow.Space(2);
                PdfTable.Draw(flow, t.Columns.Select(c => new TableColumn(c.Header, c.WidthMm, c.Centered ? TextAlign.Center : TextAlign.Left)).ToList(),
                    t.Rows, Font(TableSize, XFontStyleEx.Bold), Font(TableSize));
                flow.Space(8);
                break;
        }
    }

    /// <summary>A signer's block laid out in a column: titles, the room to sign, the name.</summary>
    private sealed record SignerBlock(DocumentSigner Signer, List<TextLine> Titles, List<TextLine> Name)
    {
        public double Height => TextLayout.Height(Titles) + SignatureSpace + TextLayout.Height(Name);

        public static SignerBlock Of(PageFlow flow, DocumentSigner signer, double width)
        {
            var bold = Font(BodySize, XFontStyleEx.Bold);
            return new SignerBlock(signer, signer.Titles.SelectMany(t => TextLayout.Lines(flow.Graphics, [new TextRun(t, bold)], width)).ToList(),
                TextLayout.Lines(flow.Graphics, [new TextRun(signer.Name, bold)], width));
        }

        /// <summary>Draws the block at the flow's line in [x, x + width]; returns its bottom and its signature place.</summary>
        /// <param name="titlesHeight">The tallest titles of the signers side by side: their rooms and names then line up.</param>
        public (double Bottom, SignerPlace Place) Draw(PageFlow flow, double x, double width, double titlesHeight = 0)
        {
            var room = flow.Y + Math.Max(titlesHeight, TextLayout.Draw(flow.Graphics, Titles, x, flow.Y, width, TextAlign.Center));
            var bottom = room + SignatureSpace + TextLayout.Draw(flow.Graphics, Name, x, room + SignatureSpace, width, TextAlign.Center);
            double inset = Math.Min(PageFlow.Mm(12), width / 6), gap = PageFlow.Mm(3);
            return (bottom, new SignerPlace(Signer.Role, Signer.Name,
                new SignaturePlace(flow.PageIndex, x + inset, room + gap, width - 2 * inset, SignatureSpace - 2 * gap)));
        }
    }

    private static List<TextLine> RecipientLines(PageFlow flow, OfficialDocument d, double width)
    {
        if (d.Recipients.Count == 0)
            return [];
        var lines = TextLayout.Lines(flow.Graphics, [new TextRun("Nơi nhận:", Font(HeaderSize, XFontStyleEx.BoldItalic))], width);
        foreach (var r in d.Recipients)
            lines.AddRange(TextLayout.Lines(flow.Graphics, [new TextRun($"- {r}", Font(RecipientsSize))], width - 6));
        return lines;
    }

    /// <summary>"Nơi nhận" on the left, the one signer on the right, kept together on one page.</summary>
    private static IReadOnlyList<SignerPlace> SignerBesideRecipients(PageFlow flow, OfficialDocument d)
    {
        var half = flow.Width / 2;
        var recipients = RecipientLines(flow, d, half);
        var blocks = d.Signers.Select(s => SignerBlock.Of(flow, s, half)).ToList();
        flow.Keep(Math.Max(TextLayout.Height(recipients), blocks.Sum(b => b.Height)));
        var top = flow.Y;
        var left = top + TextLayout.Draw(flow.Graphics, recipients, flow.Left, top, half, TextAlign.Left);
        var places = new List<SignerPlace>();
        foreach (var block in blocks)
        {
            var (bottom, place) = block.Draw(flow, flow.Left + half, half);
            places.Add(place);
            flow.Y = bottom;
        }
        flow.Y = Math.Max(left, flow.Y);
        return places;
    }

    /// <summary>The signers side by side across the page (as minutes are signed: secretary left, chair right), then "Nơi nhận".</summary>
    private static IReadOnlyList<SignerPlace> SignersSideBySide(PageFlow flow, OfficialDocument d)
    {
        var width = flow.Width / d.Signers.Count;
        var blocks = d.Signers.Select(s => SignerBlock.Of(flow, s, width)).ToList();
        var titlesHeight = blocks.Max(b => TextLayout.Height(b.Titles));
        flow.Keep(blocks.Max(b => b.Height) + titlesHeight);
        var top = flow.Y;
        var places = new List<SignerPlace>();
        var bottom = top;
        for (var i = 0; i < blocks.Count; i++)
        {
            flow.Y = top;
            var (end, place) = blocks[i].Draw(flow, flow.Left + i * width, width, titlesHeight);
            places.Add(place);
            bottom = Math.Max(bottom, end);
        }
        flow.Y = bottom + 12;
        var recipients = RecipientLines(flow, d, flow.Width / 2);
        flow.Keep(TextLayout.Height(recipients));
        flow.Y += TextLayout.Draw(flow.Graphics, recipients, flow.Left, flow.Y, flow.Width / 2, TextAlign.Left);
        return places;
    }

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

    private static double Indent => PageFlow.Mm(12.7);

    private static double SignatureSpace => PageFlow.Mm(28);
}
