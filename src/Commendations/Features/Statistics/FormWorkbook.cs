using System.Globalization;
using Commendations.Features.Exports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Commendations.Features.Statistics;

/// <summary>A header cell of a form's table: its place in the header rows and how many columns and rows it spans.</summary>
public sealed record HeaderCell(int Row, int Column, string Text, int ColumnSpan = 1, int RowSpan = 1);

/// <summary>A body row; a totals row is bold. Cells are text, int or null (a cell the system has no data for).</summary>
public sealed record FormRow(object?[] Cells, bool IsTotal = false);

/// <summary>
/// One sheet laid out like a statutory statistics form: the form's name, its title, the reporting unit and period,
/// header rows with merged cells, the column-number row, body rows with row codes, a totals row and notes.
/// </summary>
public sealed record FormSheet(
    string SheetName, string FormName, string Title, IReadOnlyList<string> Particulars,
    int HeaderDepth, IReadOnlyList<HeaderCell> Header, IReadOnlyList<string> ColumnNumbers, IReadOnlyList<FormRow> Rows,
    IReadOnlyList<string> Notes, IReadOnlyList<double> Widths);

/// <summary>Writes form sheets with the Open XML SDK (like <see cref="XlsxWriter"/>), with borders and merged cells.</summary>
public static class FormWorkbook
{
    private const uint TitleStyle = 1, ItalicCentredStyle = 2, HeaderStyle = 3, TextStyle = 4, NumberStyle = 5, TotalTextStyle = 6,
        TotalNumberStyle = 7, NoteStyle = 8, FormNameStyle = 9;

    public static byte[] Write(IReadOnlyList<FormSheet> forms)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            for (var i = 0; i < forms.Count; i++)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Sheet(forms[i]);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)i + 1, Name = forms[i].SheetName });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Worksheet Sheet(FormSheet form)
    {
        var width = form.Widths.Count;
        var last = XlsxWriter.ColumnName(width - 1);
        var rows = new List<Row>();
        var merges = new List<string>();
        var index = 1u;

        void Line(string text, uint style)
        {
            rows.Add(new Row(Enumerable.Range(0, width).Select(c => c == 0 ? Text(Ref(c, index), text, style) : Empty(Ref(c, index), style))) { RowIndex = index });
            merges.Add($"A{index}:{last}{index}");
            index++;
        }

        rows.Add(new Row(Text(Ref(0, index), form.FormName, FormNameStyle)) { RowIndex = index++ });
        Line(form.Title, TitleStyle);
        foreach (var particular in form.Particulars)
            Line(particular, ItalicCentredStyle);
        index++;

        // Header rows: every cell bordered, a spanned cell's covered cells left empty (Excel draws them as one).
        var top = index;
        for (var r = 0; r < form.HeaderDepth; r++)
        {
            var cells = Enumerable.Range(0, width).Select(c =>
            {
                var header = form.Header.FirstOrDefault(h => h.Row == r && h.Column == c);
                return header is null ? Empty(Ref(c, index), HeaderStyle) : Text(Ref(c, index), header.Text, HeaderStyle);
            });
            rows.Add(new Row(cells) { RowIndex = index++ });
        }
        merges.AddRange(form.Header.Where(h => h.ColumnSpan > 1 || h.RowSpan > 1).Select(h =>
            $"{Ref(h.Column, top + (uint)h.Row)}:{Ref(h.Column + h.ColumnSpan - 1, top + (uint)(h.Row + h.RowSpan - 1))}"));
        rows.Add(new Row(form.ColumnNumbers.Select((n, c) => Text(Ref(c, index), n, ItalicCentredStyle))) { RowIndex = index++ });

        foreach (var row in form.Rows)
        {
            rows.Add(new Row(Enumerable.Range(0, width).Select(c => Cell(Ref(c, index), c < row.Cells.Length ? row.Cells[c] : null, row.IsTotal)))
                { RowIndex = index });
            index++;
        }
        index++;
        foreach (var note in form.Notes)
            Line(note, NoteStyle);

        var mergeCells = new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count };
        return new Worksheet(
            new Columns(form.Widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
            new SheetData(rows),
            mergeCells);
    }

    private static string Ref(int column, uint row) => XlsxWriter.ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    private static Cell Cell(string reference, object? value, bool total) => value switch
    {
        int number => new Cell
        {
            CellReference = reference, DataType = CellValues.Number, StyleIndex = total ? TotalNumberStyle : NumberStyle,
            CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)),
        },
        null => Empty(reference, total ? TotalNumberStyle : NumberStyle),
        _ => Text(reference, value.ToString() ?? "", total ? TotalTextStyle : TextStyle),
    };

    private static Cell Empty(string reference, uint style) => new() { CellReference = reference, StyleIndex = style };

    private static Cell Text(string reference, string text, uint style) => new()
    {
        CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Stylesheet Stylesheet()
    {
        CellFormat Format(uint font, uint border, HorizontalAlignmentValues horizontal, bool wrap = true) => new(
            new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = wrap })
        {
            FontId = font, BorderId = border, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true,
        };
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        return new Stylesheet(
            new Fonts(new Font(), new Font(new Bold()), new Font(new Italic()), new Font(new Bold(), new FontSize { Val = 13 })) { Count = 4 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(), thin) { Count = 2 },
            new CellFormats(
                new CellFormat(),
                Format(3, 0, HorizontalAlignmentValues.Center),      // title
                Format(2, 0, HorizontalAlignmentValues.Center),      // particulars, column numbers
                Format(1, 1, HorizontalAlignmentValues.Center),      // header
                Format(0, 1, HorizontalAlignmentValues.Left),        // text
                Format(0, 1, HorizontalAlignmentValues.Right, false), // number
                Format(1, 1, HorizontalAlignmentValues.Left),        // total text
                Format(1, 1, HorizontalAlignmentValues.Right, false), // total number
                Format(2, 0, HorizontalAlignmentValues.Left),        // note
                Format(1, 0, HorizontalAlignmentValues.Left, false)) // form name
            { Count = 10 });
    }
}
