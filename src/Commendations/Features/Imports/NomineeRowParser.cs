using System.Globalization;
using Commendations.Common.Errors;
using Commendations.Common.Text;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominees;
using Commendations.Features.Nominations;
using C = Commendations.Features.Imports.NomineeListColumns;

namespace Commendations.Features.Imports;

/// <summary>A problem of one cell, reported as "Dòng 7, cột “Năm sinh”: …".</summary>
public sealed record ImportProblem(int Row, NomineeListColumn Column, Message Reason)
{
    public Message Text => new("Dòng {0}, cột “{1}”: {2}", Row, Column.Header, Reason);
}

/// <summary>A row turned into the request the API takes for one nomination (null when its kind could not be read).</summary>
public sealed record ParsedRow(int Row, CreateNomination? Request, AwardForm? AwardForm, List<ImportProblem> Problems);

/// <summary>
/// Finds the header row, checks the columns against the template, and turns each row's cells into a
/// <see cref="CreateNomination"/> — only reading text into values (kind, sex, whole numbers); every rule about the values
/// is the API's validator's, run by the import on the request built here.
/// </summary>
public sealed class NomineeRowParser(Guid campaignId, IReadOnlyList<AwardForm> awardForms)
{
    public const int MaxRows = 2000;

    private static readonly (string Word, NomineeKind Value)[] KindWords = [.. C.Words(Enum.GetValues<NomineeKind>(), Names.Kind)];
    private static readonly (string Word, Gender Value)[] GenderWords = [.. C.Words(Enum.GetValues<Gender>(), Names.Gender)];

    /// <summary>The data rows, the header's column positions; refuses a sheet without the template's columns, empty or too long.</summary>
    public static (Dictionary<NomineeListColumn, int> Columns, List<SheetRow> Rows) Layout(IReadOnlyList<SheetRow> sheet)
    {
        var header = sheet.FirstOrDefault(r => !r.IsBlank)
                     ?? throw new InputException("file", new Message("Bảng tính trống: chưa có dòng tiêu đề và danh sách."));
        var columns = new Dictionary<NomineeListColumn, int>();
        var unknown = new List<string>();
        foreach (var (index, text) in header.Cells.Where(c => !string.IsNullOrWhiteSpace(c.Value)))
        {
            if (C.All.FirstOrDefault(c => c.IsNamed(text)) is not { } column)
                unknown.Add(text);
            else if (!columns.TryAdd(column, index))
                throw new InputException("file", new Message("Cột “{0}” có hai lần ở dòng tiêu đề.", column.Header));
        }
        if (unknown.Count > 0)
            throw new InputException("file", new Message("Bảng tính có cột không có trong mẫu: {0}. Hãy dùng mẫu tải về.", string.Join(", ", unknown.Select(u => $"“{u}”"))));
        var missing = C.All.Where(c => c.Required && !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw new InputException("file", new Message("Bảng tính thiếu cột: {0}. Hãy dùng mẫu tải về.", Message.List(missing.Select(m => m.Header))));
        var rows = sheet.Where(r => r.Number > header.Number && !r.IsBlank).ToList();
        if (rows.Count == 0)
            throw new InputException("file", new Message("Bảng tính chưa có dòng nào trong danh sách."));
        if (rows.Count > MaxRows)
            throw new InputException("file", new Message("Mỗi lần nhập được tối đa {0} dòng; tệp có {1} dòng. Hãy chia thành nhiều tệp.", MaxRows, rows.Count));
        return (columns, rows);
    }

    public ParsedRow Parse(SheetRow row, IReadOnlyDictionary<NomineeListColumn, int> columns)
    {
        var problems = new List<ImportProblem>();
        string Cell(NomineeListColumn column) => row.Cell(columns.GetValueOrDefault(column, -1) is var i and >= 0 ? i : null);
        void Problem(NomineeListColumn column, Message reason) => problems.Add(new ImportProblem(row.Number, column, reason));

        var kindText = Cell(C.Kind);
        if (!TryWord(KindWords, kindText, out var kind))
        {
            Problem(C.Kind, kindText.Length == 0
                ? new Message("Chưa chọn đối tượng.")
                : new Message("Chọn một trong: {0}.", Message.List(Enum.GetValues<NomineeKind>().Select(Names.Kind))));
            return new ParsedRow(row.Number, null, null, problems);
        }

        var formText = Cell(C.AwardForm);
        var form = awardForms.FirstOrDefault(f => Same(f.Name, formText) || Same(f.Code, formText));
        if (form is null && formText.Length > 0)
            Problem(C.AwardForm, new Message("Không có hình thức khen thưởng “{0}”.", formText));

        PersonInput? person = null;
        CollectiveInput? collective = null;
        if (NomineeRules.NeedsPerson(kind))
        {
            var genderText = Cell(C.Gender);
            var gender = TryWord(GenderWords, genderText, out var g) ? g : (Gender)(-1);
            if ((int)gender < 0)
                Problem(C.Gender, new Message("Chọn Nam hoặc Nữ."));
            person = new PersonInput(Cell(C.Name), gender, WholeNumber(C.BirthYear), Cell(C.Position));
        }
        else
            collective = new CollectiveInput(Cell(C.Name), WholeNumber(C.Headcount), WholeNumber(C.Women), WholeNumber(C.AdvancedWorkers));

        // An unknown award form is reported above; the validator then still checks every other field.
        var request = new CreateNomination(campaignId, form?.Code ?? formText, kind, person, collective, Cell(C.Summary));
        return new ParsedRow(row.Number, request, form, problems);

        int WholeNumber(NomineeListColumn column)
        {
            var text = Cell(column);
            if (text.Length == 0)
                return 0;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == Math.Floor(number) && Math.Abs(number) < int.MaxValue)
                return (int)number;
            Problem(column, new Message("Cần một số nguyên, không phải “{0}”.", text));
            return 0;
        }
    }

    private static bool Same(string a, string b) => NomineeListColumn.Normalise(a) == NomineeListColumn.Normalise(b);

    private static bool TryWord<T>((string Word, T Value)[] words, string text, out T value)
    {
        foreach (var (word, v) in words)
            if (Same(word, text))
            {
                value = v;
                return true;
            }
        value = default!;
        return false;
    }
}
