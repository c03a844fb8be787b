using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Commendations.Features.Exports;

/// <summary>
/// Writes one sheet with the Open XML SDK: a bold header row (frozen, with a filter), numbers as number cells and dates
/// as real date cells (serial numbers formatted dd/mm/yyyy), so Excel sorts, sums and filters them correctly.
/// </summary>
public static class XlsxWriter
{
    public const uint DateStyle = 1;
    public const uint HeaderStyle = 2;
    private const uint DateFormatId = 164;

    public static byte[] Write(ExportTable table)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();

            var data = new SheetData();
            data.Append(Row(1, table.Columns.Select(c => (object?)c.Header).ToArray(), table.Columns, header: true));
            for (var i = 0; i < table.Rows.Count; i++)
                data.Append(Row((uint)i + 2, table.Rows[i], table.Columns, header: false));

            var columns = new Columns(table.Columns.Select((c, i) => new Column
            {
                Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true,
            }));
            var lastCell = ColumnName(table.Columns.Count - 1) + (table.Rows.Count + 1).ToString(CultureInfo.InvariantCulture);
            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane
                {
                    VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
                }) { WorkbookViewId = 0 }),
                columns,
                data,
                new AutoFilter { Reference = "A1:" + lastCell });
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(table.SheetName) });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, object?[] values, IReadOnlyList<ExportColumn> columns, bool header)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < columns.Count; i++)
        {
            var reference = ColumnName(i) + index.ToString(CultureInfo.InvariantCulture);
            var value = i < values.Length ? values[i] : null;
            row.Append(header ? Text(reference, value?.ToString() ?? "", HeaderStyle) : Cell(reference, value));
        }
        return row;
    }

    private static Cell Cell(string reference, object? value) => value switch
    {
        null => new Cell { CellReference = reference },
        DateOnly date => new Cell
        {
            CellReference = reference, StyleIndex = DateStyle,
            CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
        },
        int or long or decimal or double => new Cell
        {
            CellReference = reference, DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        },
        _ => Text(reference, value.ToString() ?? "", 0),
    };

    private static Cell Text(string reference, string text, uint style) => new()
    {
        CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = DateFormatId, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true }) { Count = 3 });

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
            name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => ":\\/?*[]".Contains(c) ? '-' : c).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }
}
