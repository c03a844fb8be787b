using System.Globalization;
using System.IO.Compression;
using Commendations.Common.Errors;
using Commendations.Common.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Commendations.Features.Imports;

/// <summary>One sheet row as text: its number in Excel (what a person sees) and its cells by column index (0 = A).</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<int, string> Cells)
{
    public string Cell(int? column) => column is { } c && Cells.TryGetValue(c, out var text) ? text : "";

    public bool IsBlank => Cells.Values.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// Reads the first sheet of an .xlsx with the Open XML SDK (SAX reader, so a large sheet is not loaded as a DOM): shared and
/// inline strings, numbers written without a spurious ".0", booleans, and dates (a cell styled as a date) as dd/MM/yyyy.
/// A file that is not a workbook is refused with a sentence, never an exception from the SDK.
/// </summary>
public static class NomineeListReader
{
    public static IReadOnlyList<SheetRow> Read(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw NotAWorkbook();
            var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.State is null || s.State.Value == SheetStateValues.Visible)
                        ?? throw NotAWorkbook();
            var sheet = (WorksheetPart)workbook.GetPartById(first.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var dateStyles = DateStyles(workbook);
            return Rows(sheet, shared, dateStyles);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or ArgumentException or InvalidOperationException)
        {
            throw NotAWorkbook();
        }
    }

    public static InputException NotAWorkbook() =>
        new("file", new Message("Tệp không phải bảng tính Excel (.xlsx). Hãy tải mẫu, điền danh sách rồi tải lên tệp .xlsx."));

    private static List<SheetRow> Rows(WorksheetPart sheet, string[] shared, HashSet<uint> dateStyles)
    {
        var rows = new List<SheetRow>();
        using var reader = OpenXmlReader.Create(sheet);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var cells = new Dictionary<int, string>();
            var position = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : position;
                position = column + 1;
                var text = Text(cell, shared, dateStyles);
                if (text.Length > 0)
                    cells[column] = text;
            }
            rows.Add(new SheetRow((int)(row.RowIndex?.Value ?? (uint)rows.Count + 1), cells));
        }
        return rows;
    }

    private static string Text(Cell cell, string[] shared, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i].Trim() : "";
        if (type == CellValues.InlineString)
            return cell.InlineString?.InnerText.Trim() ?? "";
        if (type == CellValues.Boolean)
            return raw == "1" ? "TRUE" : "FALSE";
        if (type is null || type == CellValues.Number)
        {
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return raw.Trim();
            if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style) && number is > 0 and < 2958466)
                return DateTime.FromOADate(number).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            return number.ToString(CultureInfo.InvariantCulture);
        }
        return raw.Trim();
    }

    /// <summary>The cell formats that show a date: the built-in date formats (14–22) and custom ones with d, m and y.</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var styles = new HashSet<uint>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null)
            return styles;
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.FormatCode?.Value is { } code && code.Contains('d', StringComparison.OrdinalIgnoreCase) && code.Contains('y', StringComparison.OrdinalIgnoreCase))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 || custom.Contains(id))
                styles.Add(index);
            index++;
        }
        return styles;
    }

    /// <summary>"C7" → 2.</summary>
    public static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
                break;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index - 1;
    }
}
