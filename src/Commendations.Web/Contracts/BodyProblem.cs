using System.Text.Json;
using System.Text.RegularExpressions;
using Commendations.Common.Text;

namespace Commendations.Web.Contracts;

/// <summary>
/// Turns what System.Text.Json reports about a refused body (a path and an English sentence meant for developers) into
/// field errors a person can read: which field, and what is wrong with it.
/// </summary>
public static partial class BodyProblem
{
    public static Dictionary<string, Message[]> Describe(JsonException json, Type? bodyType, JsonSerializerOptions options)
    {
        var path = json.Path ?? "$";
        var message = json.Message;
        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            var prefix = FieldOf(path);
            return missing.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => n.Trim('\''))
                .ToDictionary(n => prefix.Length == 0 ? n : $"{prefix}.{n}", _ => new[] { new Message("Trường này là bắt buộc.") });
        }

        var field = FieldOf(path);
        if (field.Length == 0)
            field = "body";
        Message reason = message switch
        {
            TextWithoutControlCharactersConverter.Problem => new Message("Văn bản chứa ký tự điều khiển (ví dụ ký tự NUL) không được phép."),
            DatesInRangeConverters.OutOfRange => new Message("Ngày phải nằm trong các năm {0}–{1}.", Domain.Calendar.CalendarYears.First, Domain.Calendar.CalendarYears.Last),
            _ when message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) =>
                new Message("Trường này không có trong yêu cầu này; hãy bỏ nó đi hoặc kiểm tra lại tên trường."),
            _ when message.Contains("doesn't allow null values", StringComparison.Ordinal)
                   || message.Contains("doesn't allow setting null", StringComparison.Ordinal) => new Message("Trường này không được để trống (null)."),
            _ when message.Contains("could not be converted", StringComparison.Ordinal) || json.InnerException is FormatException or OverflowException =>
                ExpectedValue(JsonPaths.TypeAt(bodyType, path, options)),
            _ => new Message("Nội dung gửi không phải JSON hợp lệ ({0}).", $"{json.LineNumber + 1}:{json.BytePositionInLine + 1}"),
        };
        return new Dictionary<string, Message[]> { [field] = [reason] };
    }

    /// <summary>"$.inner.choice" → "inner.choice"; "$" → "".</summary>
    public static string FieldOf(string path) => path == "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    public static Message ExpectedValue(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => new Message("Giá trị không đúng kiểu của trường này."),
            { IsEnum: true } => new Message("Giá trị không hợp lệ; chọn một trong: {0}.", string.Join(", ", Enum.GetNames(type))),
            _ when type == typeof(Guid) => new Message("Cần một mã định danh (GUID) hợp lệ."),
            _ when type == typeof(DateOnly) => new Message("Cần một ngày dạng yyyy-MM-dd."),
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => new Message("Cần một thời điểm dạng ISO 8601 (yyyy-MM-ddTHH:mm:ss+07:00)."),
            _ when type == typeof(bool) => new Message("Cần true hoặc false."),
            _ when type == typeof(int) || type == typeof(long) || type == typeof(uint) || type == typeof(short) =>
                new Message("Cần một số nguyên trong giới hạn cho phép."),
            _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => new Message("Cần một số."),
            _ when type == typeof(string) => new Message("Cần một chuỗi văn bản."),
            _ => new Message("Giá trị không đúng kiểu của trường này."),
        };
    }

    [GeneratedRegex("missing required properties including: (?<names>.+?)\\.?$")]
    private static partial Regex MissingRequired();
}
