using System.Text.RegularExpressions;
using Commendations.Common.Text;

namespace Commendations.Web.Contracts;

/// <summary>
/// A route, query or form value the endpoint could not bind ("page=abc", a missing required value): names the
/// parameter and says what was expected, instead of ASP.NET Core's developer sentence.
/// </summary>
public static partial class ParameterProblem
{
    public static Dictionary<string, Message[]> Describe(BadHttpRequestException exception)
    {
        var text = exception.Message;
        if (FailedToBind().Match(text) is { Success: true } failed)
            return One(failed.Groups["name"].Value, BodyProblem.ExpectedValue(ClrType(failed.Groups["type"].Value)));
        if (Missing().Match(text) is { Success: true } missing)
            return One(missing.Groups["name"].Value, new Message("Trường này là bắt buộc."));
        if (text.Contains("body", StringComparison.OrdinalIgnoreCase))
            return One("body", new Message("Yêu cầu cần một nội dung JSON (Content-Type: application/json)."));
        if (text.Contains("form", StringComparison.OrdinalIgnoreCase))
            return One("form", new Message("Yêu cầu cần một biểu mẫu (multipart/form-data) đúng định dạng."));
        return One("request", new Message("Yêu cầu không hợp lệ."));
    }

    private static Dictionary<string, Message[]> One(string field, Message reason) => new() { [field] = [reason] };

    private static Type? ClrType(string name) => name.TrimEnd('?') switch
    {
        "Guid" => typeof(Guid),
        "int" or "Int32" => typeof(int),
        "long" or "Int64" => typeof(long),
        "uint" or "UInt32" => typeof(uint),
        "bool" or "Boolean" => typeof(bool),
        "DateOnly" => typeof(DateOnly),
        "DateTime" => typeof(DateTime),
        "DateTimeOffset" => typeof(DateTimeOffset),
        "decimal" or "Decimal" => typeof(decimal),
        var other => AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("Commendations", StringComparison.Ordinal) == true)
            .SelectMany(a => a.GetTypes()).FirstOrDefault(t => t.IsEnum && t.Name == other),
    };

    // 'Failed to bind parameter "Nullable<int> page" from "abc".' / 'Failed to bind parameter "NominationStatus status" from "x".'
    [GeneratedRegex("Failed to bind parameter \"(?:Nullable<(?<type>[^>]+)>|(?<type>[^ \"]+)) (?<name>[^\"]+)\"")]
    private static partial Regex FailedToBind();

    // 'Required parameter "int from" was not provided from query string.'
    [GeneratedRegex("Required parameter \"[^ \"]+ (?<name>[^\"]+)\" was not provided")]
    private static partial Regex Missing();
}
