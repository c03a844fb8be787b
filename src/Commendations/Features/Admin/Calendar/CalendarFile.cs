using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commendations.Common.Errors;
using Commendations.Common.Text;
using Commendations.Domain.Calendar;

namespace Commendations.Features.Admin.Calendar;

/// <summary>One day of the calendar as data: what a row holds, what a file lists.</summary>
public sealed record CalendarDayData(DateOnly Date, CalendarDayKind Kind, string Name, string Source = "", bool Provisional = false, DateOnly? SwappedWith = null)
{
    public static CalendarDayData Of(CalendarDay day) => new(day.Date, day.Kind, day.Name, day.Source, day.Provisional, day.SwappedWith);

    public CalendarDay ToRow() => new(Date, Kind, Name, Source, Provisional, SwappedWith);
}

/// <summary>
/// A year's official calendar as a file, the format administrators import (docs/calendar.md) and the application ships
/// (<c>calendar/vn-YYYY.json</c>): JSON
/// <c>{ "year": 2026, "status": "official" | "provisional", "source"?: "…", "days": [ { "date": "2026-01-02", "kind": "DayOff",
/// "name": "…", "source"?: "…", "swappedWith"?: "2026-01-10", "provisional"?: false } ] }</c>, or CSV with the header
/// <c>date,kind,name,source,swappedWith,provisional</c> (dates yyyy-MM-dd or dd/MM/yyyy, UTF-8) for a year given beside it.
/// The file is the year's whole calendar: importing it replaces the year's days (unless the days it does not list are kept).
/// </summary>
public sealed record CalendarFile(int Year, bool Provisional, IReadOnlyList<CalendarDayData> Days)
{
    public const string JsonFormat = "json";
    public const string CsvFormat = "csv";
    public const int MaxLength = 200_000;
    private static readonly string[] CsvHeader = ["date", "kind", "name", "source", "swappedWith", "provisional"];

    /// <summary>SHA-256 (hex) of the canonical content: the same days give the same hash, whatever the file's layout.</summary>
    public string ContentHash
    {
        get
        {
            var canonical = new StringBuilder().Append(Year.ToString(CultureInfo.InvariantCulture)).Append('\n');
            foreach (var d in Days.OrderBy(d => d.Date))
            {
                canonical.Append(Iso(d.Date)).Append('|').Append(d.Kind).Append('|').Append(d.Name).Append('|').Append(d.Source).Append('|')
                    .Append(d.Provisional ? '1' : '0').Append('|').Append(d.SwappedWith is { } s ? Iso(s) : "").Append('\n');
            }
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a file; every problem is a field error on <paramref name="field"/>, with the line (CSV) or day (JSON) it is in.</summary>
    public static CalendarFile Parse(string format, string content, int? year, string field = "content")
    {
        if (content.Length > MaxLength)
            throw new InputException(field, new Message("Tệp lịch quá lớn (tối đa {0} ký tự).", MaxLength));
        var problems = new List<Message>();
        var file = format switch
        {
            JsonFormat => ParseJson(content.TrimStart('\uFEFF'), year, problems),
            CsvFormat => ParseCsv(content.TrimStart('\uFEFF'), year, problems),
            _ => null,
        };
        if (format is not (JsonFormat or CsvFormat))
            problems.Add(new Message("Định dạng tệp lịch phải là json hoặc csv."));
        if (file is not null)
            problems.AddRange(CalendarRules.Problems(file.Days.ToDictionary(d => d.Date), file.Days.Select(d => d.Date)).Select(p => p.Message));
        if (problems.Count > 0 || file is null)
            throw new InputException(new Dictionary<string, Message[]> { [field] = [.. problems.Take(20)] });
        return file;
    }

    private static CalendarFile? ParseJson(string content, int? expectedYear, List<Message> problems)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(content);
        }
        catch (JsonException e)
        {
            problems.Add(new Message("Tệp JSON không đọc được: {0}", e.Message));
            return null;
        }
        if (root is not JsonObject obj)
        {
            problems.Add(new Message("Tệp JSON phải là một đối tượng có \"year\" và \"days\"."));
            return null;
        }
        if (obj["year"] is not JsonValue yearValue || !yearValue.TryGetValue<int>(out var year) || year is < CalendarYears.First or > CalendarYears.Last)
        {
            problems.Add(new Message("\"year\" phải là một năm từ {0} đến {1}.", CalendarYears.First, CalendarYears.Last));
            return null;
        }
        if (expectedYear is { } wanted && wanted != year)
            problems.Add(new Message("Tệp là lịch năm {0}, không phải năm {1}.", year, wanted));
        var status = (string?)(obj["status"] as JsonValue) ?? "official";
        if (status is not ("official" or "provisional"))
            problems.Add(new Message("\"status\" phải là \"official\" hoặc \"provisional\"."));
        var provisionalYear = status == "provisional";
        var defaultSource = (string?)(obj["source"] as JsonValue) ?? "";
        foreach (var property in obj)
        {
            if (property.Key is not ("year" or "status" or "source" or "days" or "$comment"))
                problems.Add(new Message("Thuộc tính \"{0}\" không có trong định dạng tệp lịch.", property.Key));
        }
        if (obj["days"] is not JsonArray array)
        {
            problems.Add(new Message("Tệp JSON thiếu danh sách \"days\"."));
            return null;
        }
        var days = new List<CalendarDayData>();
        for (var i = 0; i < array.Count; i++)
        {
            var at = i + 1;
            if (array[i] is not JsonObject day)
            {
                problems.Add(new Message("Ngày thứ {0} trong \"days\" phải là một đối tượng.", at));
                continue;
            }
            foreach (var property in day)
            {
                if (property.Key is not ("date" or "kind" or "name" or "source" or "swappedWith" or "provisional"))
                    problems.Add(new Message("Ngày thứ {0}: thuộc tính \"{1}\" không có trong định dạng tệp lịch.", at, property.Key));
            }
            var row = Row(at, Text(day["date"]), Text(day["kind"]), Text(day["name"]), Text(day["source"]) ?? defaultSource, Text(day["swappedWith"]),
                day["provisional"] is JsonValue p && p.TryGetValue<bool>(out var flag) ? flag : provisionalYear, year, problems);
            if (row is not null)
                days.Add(row);
        }
        return Complete(year, provisionalYear, days, problems);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static CalendarFile? ParseCsv(string content, int? year, List<Message> problems)
    {
        if (year is not { } y || y is < CalendarYears.First or > CalendarYears.Last)
        {
            problems.Add(new Message("Chọn năm của tệp CSV (từ {0} đến {1}).", CalendarYears.First, CalendarYears.Last));
            return null;
        }
        var lines = Csv.Read(content);
        if (lines.Count == 0 || !lines[0].Select(h => h.Trim()).Take(CsvHeader.Length).SequenceEqual(CsvHeader, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add(new Message("Dòng đầu của tệp CSV phải là: {0}", string.Join(",", CsvHeader)));
            return null;
        }
        var days = new List<CalendarDayData>();
        for (var i = 1; i < lines.Count; i++)
        {
            var cells = lines[i];
            if (cells.All(string.IsNullOrWhiteSpace))
                continue;
            string Cell(int n) => n < cells.Count ? cells[n].Trim() : "";
            var provisionalText = Cell(5).ToLowerInvariant();
            if (provisionalText is not ("" or "true" or "false" or "1" or "0" or "có" or "không"))
                problems.Add(new Message("Dòng {0}: cột provisional phải là true hoặc false.", i + 1));
            var row = Row(i + 1, Cell(0), Cell(1), Cell(2), Cell(3), Cell(4) is "" ? null : Cell(4),
                provisionalText is "true" or "1" or "có", y, problems, csv: true);
            if (row is not null)
                days.Add(row);
        }
        return Complete(y, days.Count > 0 && days.All(d => d.Provisional), days, problems);
    }

    private static CalendarFile Complete(int year, bool provisional, List<CalendarDayData> days, List<Message> problems)
    {
        foreach (var duplicate in days.GroupBy(d => d.Date).Where(g => g.Count() > 1))
            problems.Add(new Message("Ngày {0} có hơn một dòng.", duplicate.Key));
        return new CalendarFile(year, provisional, days.GroupBy(d => d.Date).Select(g => g.First()).OrderBy(d => d.Date).ToList());
    }

    private static CalendarDayData? Row(int at, string? dateText, string? kindText, string? name, string? source, string? swappedText, bool provisional,
        int year, List<Message> problems, bool csv = false)
    {
        Message Where(string template, params object?[] args) =>
            new(csv ? "Dòng {0}: {1}" : "Ngày thứ {0}: {1}", at, new Message(template, args));
        var ok = true;
        if (ParseDate(dateText) is not { } date)
        {
            problems.Add(Where("ngày \"{0}\" không đúng dạng yyyy-MM-dd hoặc dd/MM/yyyy.", dateText ?? ""));
            return null;
        }
        if (date.Year != year)
        {
            problems.Add(Where("ngày {0} không thuộc năm {1}.", date, year));
            ok = false;
        }
        CalendarDayKind kind = default;
        if (ParseKind(kindText) is { } k) kind = k;
        else
        {
            problems.Add(Where("loại \"{0}\" phải là DayOff (ngày nghỉ) hoặc WorkingDay (ngày làm việc bù).", kindText ?? ""));
            ok = false;
        }
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > CalendarDay.NameMaxLength)
        {
            problems.Add(Where("tên ngày phải có, tối đa {0} ký tự.", CalendarDay.NameMaxLength));
            ok = false;
        }
        if ((source ?? "").Trim().Length > CalendarDay.SourceMaxLength)
        {
            problems.Add(Where("nguồn tối đa {0} ký tự.", CalendarDay.SourceMaxLength));
            ok = false;
        }
        DateOnly? swapped = null;
        if (!string.IsNullOrWhiteSpace(swappedText))
        {
            if (ParseDate(swappedText) is { } s) swapped = s;
            else
            {
                problems.Add(Where("ngày hoán đổi \"{0}\" không đúng dạng yyyy-MM-dd hoặc dd/MM/yyyy.", swappedText));
                ok = false;
            }
        }
        return ok ? new CalendarDayData(date, kind, name!.Trim(), (source ?? "").Trim(), provisional, swapped) : null;
    }

    private static DateOnly? ParseDate(string? text)
    {
        text = text?.Trim();
        return DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && CalendarYears.Contains(date) ? date : null;
    }

    private static CalendarDayKind? ParseKind(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "dayoff" or "ngày nghỉ" or "nghỉ" => CalendarDayKind.DayOff,
        "workingday" or "ngày làm việc bù" or "làm bù" => CalendarDayKind.WorkingDay,
        _ => null,
    };

    public string ToJson()
    {
        var days = new JsonArray();
        foreach (var d in Days.OrderBy(d => d.Date))
        {
            var day = new JsonObject { ["date"] = Iso(d.Date), ["kind"] = d.Kind.ToString(), ["name"] = d.Name };
            if (d.Source.Length > 0) day["source"] = d.Source;
            if (d.SwappedWith is { } s) day["swappedWith"] = Iso(s);
            if (d.Provisional != Provisional) day["provisional"] = d.Provisional;
            days.Add(day);
        }
        var root = new JsonObject { ["year"] = Year, ["status"] = Provisional ? "provisional" : "official", ["days"] = days };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    public string ToCsv()
    {
        var text = new StringBuilder(string.Join(",", CsvHeader)).Append('\n');
        foreach (var d in Days.OrderBy(d => d.Date))
        {
            text.Append(Iso(d.Date)).Append(',').Append(d.Kind).Append(',').Append(Csv.Quote(d.Name)).Append(',').Append(Csv.Quote(d.Source)).Append(',')
                .Append(d.SwappedWith is { } s ? Iso(s) : "").Append(',').Append(d.Provisional ? "true" : "false").Append('\n');
        }
        return text.ToString();
    }

    /// <summary>RFC 4180: fields separated by commas, quoted when they hold commas, quotes or line breaks ("" inside quotes).</summary>
    private static class Csv
    {
        public static string Quote(string value) =>
            value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

        public static List<List<string>> Read(string content)
        {
            var lines = new List<List<string>>();
            var line = new List<string>();
            var cell = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < content.Length; i++)
            {
                var c = content[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < content.Length && content[i + 1] == '"') { cell.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else cell.Append(c);
                    continue;
                }
                switch (c)
                {
                    case '"' when cell.Length == 0:
                        quoted = true;
                        break;
                    case ',':
                        line.Add(cell.ToString());
                        cell.Clear();
                        break;
                    case '\r':
                        break;
                    case '\n':
                        line.Add(cell.ToString());
                        cell.Clear();
                        lines.Add(line);
                        line = [];
                        break;
                    default:
                        cell.Append(c);
                        break;
                }
            }
            if (cell.Length > 0 || line.Count > 0)
            {
                line.Add(cell.ToString());
                lines.Add(line);
            }
            return lines;
        }
    }
}

/// <summary>What a calendar must be, whatever changes it: compensatory working days on weekend days, swaps that pair up.</summary>
public static class CalendarRules
{
    /// <summary>The problems of <paramref name="days"/> at <paramref name="dates"/> (and the other day of each swap among them).</summary>
    public static IEnumerable<(DateOnly Date, Message Message)> Problems(IReadOnlyDictionary<DateOnly, CalendarDayData> days, IEnumerable<DateOnly> dates)
    {
        foreach (var date in dates.Distinct().Order())
        {
            if (!days.TryGetValue(date, out var day))
                continue;
            if (day.Kind == CalendarDayKind.WorkingDay && !CalendarDay.IsWeekend(date))
            {
                yield return (date, new Message("Ngày {0} là ngày làm việc bình thường: chỉ thứ Bảy hoặc Chủ nhật mới có thể là ngày làm việc bù.", date));
                continue;
            }
            if (day.SwappedWith is not { } other)
                continue;
            if (other == date)
            {
                yield return (date, new Message("Ngày {0} không thể hoán đổi với chính nó.", date));
                continue;
            }
            if (!days.TryGetValue(other, out var partner) || partner.SwappedWith != date)
            {
                yield return (date, new Message("Ngày {0} hoán đổi với ngày {1}, nhưng ngày {1} không ghi hoán đổi với ngày {0}.", date, other));
                continue;
            }
            if (partner.Kind == day.Kind)
            {
                yield return (date, new Message("Hai ngày hoán đổi {0} và {1} phải là một ngày nghỉ và một ngày làm việc bù.", date, other));
                continue;
            }
            if (day.Kind == CalendarDayKind.DayOff && CalendarDay.IsWeekend(date))
                yield return (date, new Message("Ngày nghỉ hoán đổi {0} phải là ngày làm việc (thứ Hai đến thứ Sáu).", date));
        }
    }
}
