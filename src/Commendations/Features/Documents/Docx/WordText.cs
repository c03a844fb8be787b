using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Commendations.Features.Documents.Docx;

/// <summary>
/// The few Word building blocks the drafts need (Open XML SDK): paragraphs in Times New Roman — the face Vietnamese offices
/// type their documents in, so an edited draft matches the rest of the office's letters — tables, and A4 sections with the
/// Decree 30/2020 margins.
/// </summary>
internal static class WordText
{
    private const string Face = "Times New Roman";
    private const int TwipsPerMm = 57; // 1440 twips per inch / 25.4 mm, rounded down

    public static Paragraph Para(string text, bool bold = false, bool italic = false, bool center = false, bool justify = false,
        bool indent = false, double size = 13, int spaceBefore = 0, int spaceAfter = 60)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { Before = spaceBefore.ToString(), After = spaceAfter.ToString() },
            new Justification { Val = center ? JustificationValues.Center : justify ? JustificationValues.Both : JustificationValues.Left });
        if (indent)
            properties.Append(new Indentation { FirstLine = (127 * TwipsPerMm / 10).ToString() });
        var run = new RunProperties(new RunFonts { Ascii = Face, HighAnsi = Face, ComplexScript = Face, EastAsia = Face },
            new FontSize { Val = ((int)(size * 2)).ToString() });
        if (bold)
            run.Append(new Bold());
        if (italic)
            run.Append(new Italic());
        return new Paragraph(properties, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>Side-by-side blocks (a heading's two columns, the signature foot) as a borderless table; widths in percent.</summary>
    public static Table Layout(int[] percent, IReadOnlyList<IReadOnlyList<Paragraph>> columns)
    {
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableLayout { Type = TableLayoutValues.Fixed }));
        var row = new TableRow();
        for (var i = 0; i < columns.Count; i++)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = (percent[i] * 50).ToString() }));
            cell.Append(columns[i].Select(p => (OpenXmlElement)p.CloneNode(true)));
            row.Append(cell);
        }
        table.Append(row);
        return table;
    }

    /// <summary>A ruled table whose first row is the header, repeated on every page; widths in percent.</summary>
    public static Table Table(int[] percent, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, bool borders)
    {
        var lines = new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, borders ? lines : new TableBorders()));
        table.Append(Row(percent, headers, header: true));
        foreach (var row in rows)
            table.Append(Row(percent, row, header: false));
        return table;
    }

    private static TableRow Row(int[] percent, IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header)
            row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        else
            row.Append(new TableRowProperties(new CantSplit()));
        for (var i = 0; i < percent.Length; i++)
            row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = (percent[i] * 50).ToString() }),
                Para(i < cells.Count ? cells[i] : "", bold: header, center: header, size: 11, spaceAfter: 0)));
        return row;
    }

    /// <summary>An A4 section with the Decree 30/2020 margins (top/bottom 20 mm, left 30 mm, right 15 mm).</summary>
    public static SectionProperties Section(bool landscape)
    {
        uint shortSide = 210 * TwipsPerMm, longSide = 297 * TwipsPerMm;
        return new SectionProperties(
            new PageSize { Width = landscape ? longSide : shortSide, Height = landscape ? shortSide : longSide,
                Orient = landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait },
            new PageMargin { Top = 20 * TwipsPerMm, Bottom = 20 * TwipsPerMm, Left = (uint)((landscape ? 20 : 30) * TwipsPerMm),
                Right = (uint)(15 * TwipsPerMm) });
    }
}
