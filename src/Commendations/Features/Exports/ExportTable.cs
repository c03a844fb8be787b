using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;

namespace Commendations.Features.Exports;

public enum ExportFormat
{
    Xlsx,
    Csv,
}

public enum ColumnKind
{
    Text,
    Number,
    Date,
}

public sealed record ExportColumn(string Header, ColumnKind Kind = ColumnKind.Text, double Width = 18);

/// <summary>A table to export: Vietnamese headers, typed columns; cells are string, int/decimal, DateOnly or null.</summary>
public sealed record ExportTable(string SheetName, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<object?[]> Rows);

public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

public static class Exporter
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static ExportFile Write(ExportTable table, ExportFormat format, string baseName) => format switch
    {
        ExportFormat.Csv => new ExportFile(CsvWriter.Write(table), CsvContentType, baseName + ".csv"),
        _ => new ExportFile(XlsxWriter.Write(table), XlsxContentType, baseName + ".xlsx"),
    };
}

/// <summary>Vietnamese labels used in exported files (the files are for Vietnamese offices, whatever the UI language).</summary>
public static class ExportLabels
{
    /// <summary>Exports are written in Vietnamese, whatever the reader's language (the names in them too).</summary>
    public static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    public static string Of(NomineeKind kind) => kind switch
    {
        NomineeKind.Collective => "Tập thể",
        NomineeKind.Individual => "Cá nhân",
        _ => "Hộ gia đình",
    };

    public static string Of(NominationStatus status) => status switch
    {
        NominationStatus.Draft => "Dự thảo",
        NominationStatus.InReview => "Đang xét",
        NominationStatus.Returned => "Trả lại bổ sung",
        NominationStatus.Awarded => "Đã khen thưởng",
        NominationStatus.Rejected => "Không khen thưởng",
        _ => "Đã rút",
    };
}
