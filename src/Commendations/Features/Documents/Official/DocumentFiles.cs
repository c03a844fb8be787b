using System.Globalization;
using System.Text;
using Commendations.Features.Documents.Docx;
using Commendations.Features.Documents.Pdf;
using Commendations.Features.Exports;

namespace Commendations.Features.Documents.Official;

/// <summary>The two files of a generated document: the PDF to print or sign, and the .docx draft to edit.</summary>
public enum DocumentFileFormat
{
    Pdf,
    Docx,
}

public static class DocumentFiles
{
    /// <summary>"pdf" or "docx", as a download's extension names them; anything else is null.</summary>
    public static DocumentFileFormat? Parse(string? extension) => extension?.Trim().ToLowerInvariant() switch
    {
        "pdf" => DocumentFileFormat.Pdf,
        "docx" => DocumentFileFormat.Docx,
        _ => null,
    };

    /// <summary>The refusal of any other format, on the field <c>format</c>.</summary>
    public static Common.Text.Message FormatRefused => new("Chọn định dạng pdf hoặc docx.");

    public static ExportFile Write(OfficialDocument document, string format, string baseName) =>
        Write(document, Parse(format) ?? throw new Common.Errors.InputException("format", FormatRefused), baseName);

    /// <summary>"bien-ban-05-BB-HDTDKT": Vietnamese words in ASCII, safe in any file system and download header.</summary>
    public static string Slug(string text)
    {
        var ascii = new string(text.Replace('Đ', 'D').Replace('đ', 'd').Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        return string.Join('-', ascii.Split('-', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The document written in the asked format, named "{baseName}.pdf" or "{baseName}.docx".</summary>
    public static ExportFile Write(OfficialDocument document, DocumentFileFormat format, string baseName) => format switch
    {
        DocumentFileFormat.Docx => new ExportFile(OfficialDocumentDocx.Write(document), OfficialDocumentDocx.ContentType, baseName + ".docx"),
        _ => new ExportFile(OfficialDocumentPdf.Generate(document).Content, DecisionPdf.ContentType, baseName + ".pdf"),
    };
}
