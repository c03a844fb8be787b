using Commendations.Features.Documents.SubmissionLetters;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Commendations.Features.Documents.Pdf;

/// <summary>
/// A unit's submission letter (tờ trình) in the Decree 30/2020/NĐ-CP layout on A4 portrait — heading, number with dots to
/// fill, place and date, "TỜ TRÌNH" and its subject, the addressee, the basis (the campaign), the proposal by award form
/// and count, the closing, recipients and the unit head's signature block — followed by the nominee list (danh sách
/// trích ngang) on A4 landscape pages, its header row repeated on each. Every word comes from <see cref="SubmissionLetterContent"/>.
/// </summary>
public static class SubmissionLetterPdf
{
    private const double BodySize = 13, HeadingSize = 14, TableSize = 11;

    /// <summary>The list's columns in millimetres (the last, the summary, takes the rest of the landscape width).</summary>
    private static readonly IReadOnlyList<TableColumn> ListColumns =
    [
        new("", 11, TextAlign.Center), new("", 45), new("", 18, TextAlign.Center), new("", 17, TextAlign.Center),
        new("", 55), new("", 45), new("", 0),
    ];

    public static GeneratedPdf Generate(SubmissionLetterContent letter)
    {
        EmbeddedFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = "Tờ trình " + letter.Subject;
        document.Info.Author = letter.UnitName;
        document.Info.Creator = "Commendations";
        document.Language = "vi-VN";

        Signing.SignaturePlace place;
        using (var flow = new PageFlow(document, PageMargins.AdministrativeDocument))
        {
            AdministrativeHeader.Draw(flow, letter.ParentHeading, letter.UnitHeading, SubmissionLetterContent.Number, letter.PlaceAndDate);
            place = Letter(flow, letter);
        }
        using (var flow = new PageFlow(document, new PageMargins(20, 15, 20, 20), PageOrientation.Landscape))
            List(flow, letter);

        using var output = new MemoryStream();
        document.Save(output, false);
        return new GeneratedPdf(output.ToArray(), place);
    }

    private static Signing.SignaturePlace Letter(PageFlow flow, SubmissionLetterContent letter)
    {
        var heading = PdfFonts.Of(HeadingSize, XFontStyleEx.Bold);
        var body = PdfFonts.Of(BodySize);
        flow.Heading("TỜ TRÌNH", heading);
        flow.Heading(letter.Subject, heading);
        flow.Rule(flow.Left + flow.Width / 2, Math.Min(flow.Width / 3, flow.Graphics.MeasureString(letter.Subject, heading).Width / 2), flow.Y + 4);
        flow.Space(14);
        flow.Heading($"Kính gửi: {letter.Addressee}.", body, spaceAfter: 10);

        foreach (var line in letter.Basis)
            flow.Paragraph(line, PdfFonts.Of(BodySize, XFontStyleEx.Italic), TextAlign.Justify, Indent, 4);
        flow.Paragraph(letter.ProposalIntro, body, TextAlign.Justify, Indent, 4);
        foreach (var line in letter.ProposalLines)
            flow.Paragraph(line, body, TextAlign.Justify, Indent, 2);
        flow.Paragraph(letter.ListNote, PdfFonts.Of(BodySize, XFontStyleEx.Italic), TextAlign.Justify, Indent, 4);
        flow.Paragraph(letter.Closing, body, TextAlign.Justify, Indent, 12);
        return SignatureBlock.Draw(flow, letter.Recipients, [letter.SignerHeading], letter.SignerName);
    }

    private static void List(PageFlow flow, SubmissionLetterContent letter)
    {
        var heading = PdfFonts.Of(HeadingSize, XFontStyleEx.Bold);
        flow.Heading(letter.ListTitle, heading);
        flow.Heading(letter.ListSubject, heading);
        flow.Heading(letter.ListAttachment, PdfFonts.Of(BodySize, XFontStyleEx.Italic), spaceAfter: 10);
        var columns = ListColumns.Select((c, i) => c with { Header = SubmissionLetterContent.ListHeaders[i] }).ToList();
        PdfTable.Draw(flow, columns, letter.ListRows, PdfFonts.Of(TableSize, XFontStyleEx.Bold), PdfFonts.Of(TableSize));
    }

    /// <summary>The first line's indent of body paragraphs: 1.27 cm.</summary>
    private static double Indent => PageFlow.Mm(12.7);
}
