using Commendations.Features.Documents.Official;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Commendations.Features.Documents.Docx;

/// <summary>
/// Writes an <see cref="OfficialDocument"/> as an editable Word draft with the Open XML SDK, in the layout of the PDF:
/// A4 with the decree's margins, Times New Roman 13 pt (the face Vietnamese offices edit in), the header as a borderless
/// two-column table, body paragraphs justified with the first line indented, ruled tables whose header row repeats and
/// whose rows do not split, the signature blocks and "Nơi nhận". It is a draft to edit, so nothing is locked.
/// </summary>
public static class OfficialDocumentDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string Face = "Times New Roman";
    private const int BodyHalfPoints = 26, HeadingHalfPoints = 28, HeaderHalfPoints = 25, TableHalfPoints = 22, RecipientsHalfPoints = 22;

    /// <summary>Twentieths of a point per millimetre.</summary>
    private static int Twips(double mm) => (int)Math.Round(mm * 1440 / 25.4);

    /// <summary>The text width: A4 (210 mm) less the left 30 mm and right 15 mm margins.</summary>
    private static readonly int TextWidth = Twips(210 - 30 - 15);

    public static byte[] Write(OfficialDocument d)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = d.Title;
            package.PackageProperties.Subject = string.Join(" ", d.Subject);
            package.PackageProperties.Creator = "Commendations";
            package.PackageProperties.Language = "vi-VN";
            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            body.Append(Header(d));
            body.Append(Centered(d.Kind, HeadingHalfPoints, bold: true, spaceBefore: 240));
            foreach (var line in d.Subject)
                body.Append(Centered(line, HeadingHalfPoints, bold: true));
            body.Append(Centered("", BodyHalfPoints));
            foreach (var block in d.Body)
                body.Append(Block(block));
            body.Append(Centered("", BodyHalfPoints));
            body.Append(Footer(d));
            body.Append(Section());
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Face, HighAnsi = Face, ComplexScript = Face, EastAsia = Face },
                new FontSize { Val = BodyHalfPoints.ToString() },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "60", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));

    private static SectionProperties Section() => new(
        new W.PageSize { Width = (UInt32Value)(uint)Twips(210), Height = (UInt32Value)(uint)Twips(297) },
        new PageMargin
        {
            Top = Twips(20), Bottom = Twips(20), Left = (UInt32Value)(uint)Twips(30), Right = (UInt32Value)(uint)Twips(15),
            Header = (UInt32Value)(uint)Twips(10), Footer = (UInt32Value)(uint)Twips(10), Gutter = 0,
        });

    private static Run Run(string text, int halfPoints, bool bold = false, bool italic = false)
    {
        var properties = new RunProperties();
        if (bold) properties.Append(new Bold());
        if (italic) properties.Append(new Italic());
        properties.Append(new FontSize { Val = halfPoints.ToString() });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static W.Paragraph Para(JustificationValues align, IEnumerable<Run> runs, int firstLineIndent = 0, int spaceBefore = 0, int spaceAfter = 60)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { Before = spaceBefore.ToString(), After = spaceAfter.ToString() },
            new Indentation { FirstLine = firstLineIndent.ToString() },
            new Justification { Val = align });
        var paragraph = new W.Paragraph(properties);
        paragraph.Append(runs);
        return paragraph;
    }

    private static W.Paragraph Centered(string text, int halfPoints, bool bold = false, bool italic = false, int spaceBefore = 0) =>
        Para(JustificationValues.Center, [Run(text, halfPoints, bold, italic)], spaceBefore: spaceBefore, spaceAfter: 0);

    private static OpenXmlElement Block(DocumentBlock block) => block switch
    {
        Heading { Centered: true } h => Para(JustificationValues.Center, [Run(h.Text, HeadingHalfPoints, bold: true)], spaceBefore: 120, spaceAfter: 120),
        Heading h => Para(JustificationValues.Left, [Run(h.Text, BodyHalfPoints, bold: true)], spaceBefore: 120),
        Official.Paragraph p => Para(
            p.Align switch { BlockAlign.Center => JustificationValues.Center, BlockAlign.Left => JustificationValues.Left, _ => JustificationValues.Both },
            p.Spans.Select(s => Run(s.Text, BodyHalfPoints, s.Bold, s.Italic)), p.Indent ? Twips(12.7) : 0),
        Official.Table t => Ruled(t),
        _ => throw new ArgumentOutOfRangeException(nameof(block)),
    };

    private static W.Table Ruled(Official.Table t)
    {
        var widths = t.Columns.Select(c => Twips(c.WidthMm)).ToArray();
        widths[^1] = TextWidth - widths[..^1].Sum();
        var table = new W.Table(new TableProperties(
            new TableWidth { Width = TextWidth.ToString(), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        // The header row repeats on every page the table reaches, as the PDF does; no row breaks across pages.
        table.Append(Row(widths, t.Columns.Select(c => c.Header).ToList(), t.Columns.Select(_ => true).ToList(), bold: true, header: true));
        foreach (var row in t.Rows)
            table.Append(Row(widths, row, t.Columns.Select(c => c.Centered).ToList(), bold: false, header: false));
        return table;
    }

    private static TableRow Row(int[] widths, IReadOnlyList<string> cells, IReadOnlyList<bool> centered, bool bold, bool header)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (header)
            properties.Append(new TableHeader());
        var row = new TableRow(properties);
        for (var i = 0; i < widths.Length; i++)
        {
            var text = i < cells.Count ? cells[i] : "";
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(), Type = TableWidthUnitValues.Dxa }),
                Para(centered[i] ? JustificationValues.Center : JustificationValues.Left, [Run(text, TableHalfPoints, bold)], spaceAfter: 0)));
        }
        return row;
    }

    /// <summary>A table without borders, for the header's two columns and the signature blocks.</summary>
    private static W.Table Borderless(int[] widths, params IEnumerable<OpenXmlElement>[] cells)
    {
        var none = new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
            new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        var table = new W.Table(new TableProperties(new TableWidth { Width = TextWidth.ToString(), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed }, none),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(), Type = TableWidthUnitValues.Dxa }));
            cell.Append(cells[i]);
            if (!cell.Elements<W.Paragraph>().Any())
                cell.Append(new W.Paragraph());
            row.Append(cell);
        }
        table.Append(row);
        return table;
    }

    /// <summary>Issuing body (two fifths) beside the national motto; number beside place and date; each rule as a bottom border.</summary>
    private static W.Table Header(OfficialDocument d)
    {
        var left = TextWidth * 2 / 5;
        var issuer = d.IssuerHeading.Select((line, i) => Underlined(Centered(line, HeaderHalfPoints, bold: i == d.IssuerHeading.Count - 1), i == d.IssuerHeading.Count - 1))
            .Append(Centered(d.NumberLine, BodyHalfPoints, spaceBefore: 120));
        var nation = new[]
        {
            Centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", HeaderHalfPoints, bold: true),
            Underlined(Centered("Độc lập - Tự do - Hạnh phúc", BodyHalfPoints, bold: true), true),
            Centered(d.PlaceAndDate, BodyHalfPoints, italic: true, spaceBefore: 120),
        };
        return Borderless([left, TextWidth - left], issuer, nation);
    }

    /// <summary>The short rule under the body's name and the motto: Word's underline of the whole line reads as that rule.</summary>
    private static W.Paragraph Underlined(W.Paragraph paragraph, bool underline)
    {
        if (underline)
            foreach (var run in paragraph.Elements<Run>())
                run.RunProperties!.Append(new Underline { Val = UnderlineValues.Single });
        return paragraph;
    }

    private static IEnumerable<OpenXmlElement> Footer(OfficialDocument d)
    {
        var recipients = Recipients(d).ToList();
        int half = TextWidth / 2, rest = TextWidth - TextWidth / 2;
        if (!d.SignersSideBySide)
            return [Borderless([half, rest], recipients, d.Signers.SelectMany(Signer))];
        var width = TextWidth / d.Signers.Count;
        // Two tables in a row need a paragraph between them; the recipients follow the signers below.
        return [Borderless(d.Signers.Select(_ => width).ToArray(), d.Signers.Select(Signer).ToArray()), new W.Paragraph(),
            Borderless([half, rest], recipients, [])];
    }

    private static IEnumerable<W.Paragraph> Signer(DocumentSigner signer) =>
        signer.Titles.Select(t => Centered(t, BodyHalfPoints, bold: true))
            .Concat(Enumerable.Range(0, 4).Select(_ => Centered("", BodyHalfPoints)))
            .Append(Centered(signer.Name, BodyHalfPoints, bold: true));

    private static IEnumerable<W.Paragraph> Recipients(OfficialDocument d)
    {
        if (d.Recipients.Count == 0)
            yield break;
        yield return Para(JustificationValues.Left, [Run("Nơi nhận:", 24, bold: true, italic: true)], spaceAfter: 0);
        foreach (var r in d.Recipients)
            yield return Para(JustificationValues.Left, [Run($"- {r}", RecipientsHalfPoints)], spaceAfter: 0);
    }
}
