using System.Globalization;
using Commendations.Common.Text;

namespace Commendations.Features.Imports;

/// <summary>
/// The columns of the nominee-list workbook: each one the field of <see cref="Nominations.CreateNomination"/> it fills
/// (the validator's property path, so a validation failure is reported at its column) and its header in either language.
/// </summary>
public sealed record NomineeListColumn(string Key, Message Header, bool Required, params string[] PropertyPaths)
{
    /// <summary>Headers are matched trimmed, single-spaced and case-insensitively, in Vietnamese or English.</summary>
    public bool IsNamed(string header)
    {
        var wanted = Normalise(header);
        return Normalise(Header.Format(Vi)) == wanted || Normalise(Header.Format(En)) == wanted;
    }

    public static string Normalise(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLower(Vi);

    internal static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    internal static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
}

public static class NomineeListColumns
{
    public static readonly NomineeListColumn Number = new("number", new("STT"), false);
    public static readonly NomineeListColumn Kind = new("kind", new("Đối tượng"), true, "Kind", "Person", "Collective");
    public static readonly NomineeListColumn AwardForm = new("awardForm", new("Hình thức khen thưởng"), true, "AwardFormCode");
    public static readonly NomineeListColumn Name = new("name", new("Họ và tên / Tên tập thể"), true, "Person.FullName", "Collective.Name");
    public static readonly NomineeListColumn Gender = new("gender", new("Giới tính"), true, "Person.Gender");
    public static readonly NomineeListColumn BirthYear = new("birthYear", new("Năm sinh"), true, "Person.BirthYear");
    public static readonly NomineeListColumn Position = new("position", new("Chức vụ, đơn vị công tác"), true, "Person.Position");
    public static readonly NomineeListColumn Headcount = new("headcount", new("Tổng số người"), true, "Collective.Headcount");
    public static readonly NomineeListColumn Women = new("women", new("Số nữ"), true, "Collective.Women");
    public static readonly NomineeListColumn AdvancedWorkers = new("advancedWorkers", new("Số lao động tiên tiến"), true, "Collective.AdvancedWorkers");
    public static readonly NomineeListColumn Summary = new("achievementSummary", new("Tóm tắt thành tích"), true, "AchievementSummary");

    /// <summary>In the template's order; an uploaded sheet may order them differently (read by header).</summary>
    public static readonly IReadOnlyList<NomineeListColumn> All =
        [Number, Kind, AwardForm, Name, Gender, BirthYear, Position, Headcount, Women, AdvancedWorkers, Summary];

    /// <summary>The column a validator's property path belongs to (e.g. <c>Person.BirthYear</c> → Năm sinh), else the kind.</summary>
    public static NomineeListColumn ForProperty(string propertyPath) =>
        All.FirstOrDefault(c => c.PropertyPaths.Contains(propertyPath, StringComparer.OrdinalIgnoreCase)) ?? Kind;

    /// <summary>The words a cell may hold for each kind and sex, in either language (the template's dropdowns offer the Vietnamese).</summary>
    public static IEnumerable<(string Word, T Value)> Words<T>(IEnumerable<T> values, Func<T, Message> name) =>
        values.SelectMany(v => new[] { (name(v).Format(NomineeListColumn.Vi), v), (name(v).Format(NomineeListColumn.En), v) });
}
