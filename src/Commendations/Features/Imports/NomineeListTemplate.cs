using System.Globalization;
using Commendations.Common.Text;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominees;
using Commendations.Features.Exports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using C = Commendations.Features.Imports.NomineeListColumns;

namespace Commendations.Features.Imports;

/// <summary>
/// The nominee-list workbook a unit fills: the list sheet (headers, dropdowns and number limits by Excel's data
/// validation, so most slips are caught while typing), an instruction sheet, and a hidden, protected sheet holding the
/// dropdowns' words (the campaign's award forms, the kinds, the sexes). Written in the reader's language; the import reads
/// either language.
/// </summary>
public static class NomineeListTemplate
{
    private const string ListsSheet = "DanhMuc";
    private const int ValidatedRows = NomineeRowParser.MaxRows + 1;

    public static byte[] Write(string campaignName, IReadOnlyList<AwardForm> awardForms)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
            var sheets = workbook.Workbook.AppendChild(new Sheets());

            var kinds = Enum.GetValues<NomineeKind>().Select(k => Names.Kind(k).Format()).ToArray();
            var genders = Enum.GetValues<Gender>().Select(g => Names.Gender(g).Format()).ToArray();
            var forms = awardForms.Select(f => f.Name).ToArray();

            AddSheet(workbook, sheets, 1, new Message("Danh sách").Format(), ListSheet(kinds.Length, forms.Length, genders.Length));
            AddSheet(workbook, sheets, 2, new Message("Hướng dẫn").Format(), InstructionSheet(campaignName, kinds, forms));
            var lists = AddSheet(workbook, sheets, 3, ListsSheet, ListsWorksheet(kinds, forms, genders));
            lists.State = SheetStateValues.Hidden;
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Sheet AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, Worksheet worksheet)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        var sheet = new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name };
        sheets.Append(sheet);
        return sheet;
    }

    private static Worksheet ListSheet(int kinds, int forms, int genders)
    {
        var header = new Row { RowIndex = 1 };
        for (var i = 0; i < C.All.Count; i++)
            header.Append(Text(XlsxWriter.ColumnName(i) + "1", C.All[i].Header.Format(), 1));
        var widths = new Columns(C.All.Select((c, i) => new Column
        {
            Min = (uint)i + 1, Max = (uint)i + 1, CustomWidth = true,
            Width = c == C.Summary ? 60 : c == C.Name || c == C.Position || c == C.AwardForm ? 32 : 14,
        }));
        var validations = new DataValidations(
            ListOf(C.Kind, $"{ListsSheet}!$A$2:$A${kinds + 1}"),
            ListOf(C.AwardForm, $"{ListsSheet}!$B$2:$B${Math.Max(forms, 1) + 1}"),
            ListOf(C.Gender, $"{ListsSheet}!$C$2:$C${genders + 1}"),
            WholeNumber(C.BirthYear, 1900, 2100),
            WholeNumber(C.Headcount, 1, 1_000_000),
            WholeNumber(C.Women, 0, 1_000_000),
            WholeNumber(C.AdvancedWorkers, 0, 1_000_000));
        validations.Count = (uint)validations.ChildElements.Count;
        return new Worksheet(
            new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
            widths, new SheetData(header), validations);
    }

    private static string Range(NomineeListColumn column)
    {
        var name = XlsxWriter.ColumnName(C.All.ToList().IndexOf(column));
        return $"{name}2:{name}{ValidatedRows.ToString(CultureInfo.InvariantCulture)}";
    }

    private static DataValidation ListOf(NomineeListColumn column, string source) => new(new Formula1(source))
    {
        Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true,
        SequenceOfReferences = new ListValue<StringValue> { InnerText = Range(column) },
        ErrorTitle = column.Header.Format(), Error = new Message("Hãy chọn một giá trị trong danh sách.").Format(),
    };

    private static DataValidation WholeNumber(NomineeListColumn column, int min, int max) => new(
        new Formula1(min.ToString(CultureInfo.InvariantCulture)), new Formula2(max.ToString(CultureInfo.InvariantCulture)))
    {
        Type = DataValidationValues.Whole, Operator = DataValidationOperatorValues.Between, AllowBlank = true, ShowErrorMessage = true,
        SequenceOfReferences = new ListValue<StringValue> { InnerText = Range(column) },
        ErrorTitle = column.Header.Format(), Error = new Message("Hãy nhập số nguyên từ {0} đến {1}.", min, max).Format(),
    };

    private static Worksheet InstructionSheet(string campaignName, string[] kinds, string[] forms)
    {
        string[] lines =
        [
            new Message("Danh sách đề nghị khen thưởng – {0}", campaignName).Format(),
            new Message("Mỗi dòng của trang “Danh sách” là một đề nghị; dòng 1 là tiêu đề, không sửa hay xóa.").Format(),
            new Message("Đối tượng: {0}.", string.Join(", ", kinds)).Format(),
            new Message("Hình thức khen thưởng: một trong {0}.", string.Join("; ", forms)).Format(),
            new Message("Cá nhân: điền họ và tên, giới tính, năm sinh, chức vụ và đơn vị công tác; bỏ trống ba cột số người.").Format(),
            new Message("Tập thể, hộ gia đình: điền tên, tổng số người, số nữ, số lao động tiên tiến; bỏ trống giới tính, năm sinh, chức vụ.").Format(),
            new Message("Tóm tắt thành tích: không quá {0} ký tự.", Domain.Nominations.Nomination.SummaryMaxLength).Format(),
            new Message("Tối đa {0} dòng mỗi tệp. Tải tệp lên trang “Nhập danh sách từ Excel” để xem trước: mọi lỗi được liệt kê theo dòng và cột, chưa có gì được lưu.", NomineeRowParser.MaxRows).Format(),
            new Message("Chỉ khi không còn lỗi, “Nhập danh sách” mới tạo các đề nghị (ở trạng thái đang soạn) — tất cả hoặc không đề nghị nào.").Format(),
        ];
        var data = new SheetData(lines.Select((line, i) =>
            new Row(Text("A" + (i + 1).ToString(CultureInfo.InvariantCulture), line, i == 0 ? 1u : 0u)) { RowIndex = (uint)i + 1 }));
        return new Worksheet(new Columns(new Column { Min = 1, Max = 1, Width = 120, CustomWidth = true }), data);
    }

    private static Worksheet ListsWorksheet(string[] kinds, string[] forms, string[] genders)
    {
        var data = new SheetData();
        var height = new[] { kinds.Length, forms.Length, genders.Length }.Max() + 1;
        for (var r = 0; r < height; r++)
        {
            var index = (uint)r + 1;
            var row = new Row { RowIndex = index };
            string?[] values = r == 0
                ? [C.Kind.Header.Format(), C.AwardForm.Header.Format(), C.Gender.Header.Format()]
                : [kinds.ElementAtOrDefault(r - 1), forms.ElementAtOrDefault(r - 1), genders.ElementAtOrDefault(r - 1)];
            for (var c = 0; c < values.Length; c++)
                if (values[c] is { } value)
                    row.Append(Text(XlsxWriter.ColumnName(c) + index.ToString(CultureInfo.InvariantCulture), value, 0));
            data.Append(row);
        }
        // Locked so the dropdowns' words are not edited by mistake (no password: it protects against slips, not people).
        return new Worksheet(data, new SheetProtection { Sheet = true, Objects = true, Scenarios = true });
    }

    private static Cell Text(string reference, string text, uint style) => new()
    {
        CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };
}
