using System.Globalization;
using Commendations.Features.Exports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Commendations.Features.Statistics;

/// <summary>Writes form sheets with the Open XML SDK (like <see cref="XlsxWriter"/>), with borders and merged cells.</summary>
public static class FormWorkbook
{
    private const uint TitleStyle = 1, ItalicCentredStyle = 2, HeaderStyle = 3, TextStyle = 4, NumberStyle = 5, TotalTextStyle = 6,
        TotalNumberStyle = 7, NoteStyle = 8, FormNameStyle = 9, CentredStyle = 10, NumberRowStyle = 11;

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
        var last = width - 1;
        var middle = Math.Max(1, width / 2);
        var rows = new List<Row>();
        var merges = new List<string>();
        var index = 1u;

        // A line of text over the columns first..lastColumn (merged), the rest of the row empty.
        Cell[] Span(params (int First, int Last, string? Text, uint Style)[] parts)
        {
            var cells = new List<Cell>();
            foreach (var (first, lastColumn, text, style) in parts)
            {
                cells.Add(text is null ? Empty(Ref(first, index), style) : Text(Ref(first, index), text, style));
                if (lastColumn > first)
                    merges.Add($"{Ref(first, index)}:{Ref(lastColumn, index)}");
            }
            return [.. cells];
        }
        void Line(string text, uint style)
        {
            rows.Add(new Row(Span((0, last, text, style))) { RowIndex = index });
            index++;
        }

        foreach (var line in form.Masthead)
        {
            rows.Add(new Row(Span((0, middle - 1, line.Left?.ToString(), FormNameStyle), (middle, last, line.Right?.ToString(), CentredStyle))) { RowIndex = index });
            index++;
        }
        index++;
        Line(form.Title.ToString() ?? "", TitleStyle);
        foreach (var subtitle in form.Subtitles)
            Line(subtitle.ToString() ?? "", ItalicCentredStyle);
        index++;

        // Header rows: every cell bordered, a spanned cell's covered cells left empty (Excel draws them as one).
        var top = index;
        for (var r = 0; r < form.HeaderDepth; r++)
        {
            var cells = Enumerable.Range(0, width).Select(c =>
                form.HeaderAt(r, c) is { } header ? Text(Ref(c, index), header.Text.ToString() ?? "", HeaderStyle) : Empty(Ref(c, index), HeaderStyle));
            rows.Add(new Row(cells) { RowIndex = index++ });
        }
        merges.AddRange(form.Header.Where(h => h.ColumnSpan > 1 || h.RowSpan > 1).Select(h =>
            $"{Ref(h.Column, top + (uint)h.Row)}:{Ref(h.Column + h.ColumnSpan - 1, top + (uint)(h.Row + h.RowSpan - 1))}"));

        // The column-number row: a number shared by neighbouring columns (one form column split by award form) is merged.
        rows.Add(new Row(form.ColumnNumbers.Select((n, c) => Text(Ref(c, index), n, NumberRowStyle))) { RowIndex = index });
        for (var c = 0; c < form.ColumnNumbers.Count;)
        {
            var span = 1;
            while (c + span < form.ColumnNumbers.Count && form.ColumnNumbers[c + span] == form.ColumnNumbers[c])
                span++;
            if (span > 1)
                merges.Add($"{Ref(c, index)}:{Ref(c + span - 1, index)}");
            c += span;
        }
        index++;

        foreach (var row in form.Rows)
        {
            rows.Add(new Row(Enumerable.Range(0, width).Select(c => Cell(Ref(c, index), c < row.Cells.Length ? row.Cells[c] : null, row.IsBold)))
                { RowIndex = index });
            index++;
        }
        index++;
        foreach (var note in form.Notes)
            Line(note.ToString() ?? "", NoteStyle);

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
                Format(1, 0, HorizontalAlignmentValues.Left, false), // masthead, left: the form's number and legal basis
                Format(0, 0, HorizontalAlignmentValues.Center),      // masthead, right: reporting and receiving units
                Format(2, 1, HorizontalAlignmentValues.Center))      // column numbers, bordered
            { Count = 12 });
    }
}
