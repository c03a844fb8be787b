using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// Fills the downloaded template as a person would in Excel: rows under the header of its first sheet, texts as shared
/// strings (what Excel writes) and numbers as number cells. A null leaves the cell empty.
/// </summary>
public static class NomineeListSheet
{
    public static byte[] Fill(byte[] template, IEnumerable<object?[]> rows)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var shared = workbook.SharedStringTablePart ?? workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable ??= new SharedStringTable();
            var first = workbook.Workbook.Sheets!.Elements<Sheet>().First();
            var data = ((WorksheetPart)workbook.GetPartById(first.Id!.Value!)).Worksheet.GetFirstChild<SheetData>()!;
            var index = 2u;
            foreach (var values in rows)
            {
                var row = new Row { RowIndex = index };
                for (var c = 0; c < values.Length; c++)
                {
                    var reference = (char)('A' + c) + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    switch (values[c])
                    {
                        case null: break;
                        case int number:
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                            break;
                        case var text:
                            shared.SharedStringTable.Append(new SharedStringItem(new Text(text.ToString()!)));
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue((shared.SharedStringTable.Count() - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                            break;
                    }
                }
                data.Append(row);
                index++;
            }
            shared.SharedStringTable.Save();
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A row in the template's column order: STT, kind, award form, name, sex, birth year, position, headcount, women, advanced workers, summary.</summary>
    public static object?[] Person(int number, string awardForm, string name, string? sex, object? birthYear, string position, string summary) =>
        [number, "Cá nhân", awardForm, name, sex, birthYear, position, null, null, null, summary];

    public static object?[] Collective(int number, string awardForm, string name, int headcount, int women, int advanced, string summary) =>
        [number, "Tập thể", awardForm, name, null, null, null, headcount, women, advanced, summary];
}
