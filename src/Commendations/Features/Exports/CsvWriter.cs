using System.Globalization;
using System.Text;

namespace Commendations.Features.Exports;

/// <summary>CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Vietnamese), RFC 4180 quoting, dates dd/MM/yyyy.</summary>
public static class CsvWriter
{
    public static byte[] Write(ExportTable table)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', table.Columns.Select(c => Quote(c.Header))).Append("\r\n");
        foreach (var row in table.Rows)
            text.AppendJoin(',', table.Columns.Select((_, i) => Quote(Format(i < row.Length ? row[i] : null)))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        // A cell that starts like a formula would run as one in Excel (CSV injection): keep it text.
        _ => value.ToString() is { Length: > 0 } text && "=+-@".Contains(text[0]) ? "'" + text : value.ToString() ?? "",
    };

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value.StartsWith(' ') || value.EndsWith(' ')
            ? "\"" + value.Replace("\"", "\"\"") + "\""
            : value;
}
