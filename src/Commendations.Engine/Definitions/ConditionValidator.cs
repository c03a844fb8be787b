using System.Globalization;
using System.Text.Json;

namespace Commendations.Engine;

/// <summary>
/// Checks conditions against <see cref="FactCatalog"/>: known facts, operators valid for the type, values (and defaults)
/// of the right type. Output comparisons are checked here for their shape; whether the output is declared, its type and
/// whether it is recorded before the branch need the whole definition (<see cref="RouteDataFlow"/>).
/// </summary>
internal static class ConditionValidator
{
    public static void Validate(Condition condition, string path, WorkflowDefinitionValidator.AddProblem add)
    {
        var comparison = condition.Fact is not null || condition.Output is not null || condition.Op is not null
                         || condition.Value is not null || condition.Default is not null;
        var forms = (comparison ? 1 : 0) + (condition.All is null ? 0 : 1) + (condition.Any is null ? 0 : 1) + (condition.Not is null ? 0 : 1);
        if (forms != 1)
        {
            add(path, "Điều kiện cần đúng một dạng: so sánh (fact, op, value), all, any hoặc not.");
            return;
        }
        if (condition.All is { } all) ValidateList(all, $"{path}.all", add);
        else if (condition.Any is { } any) ValidateList(any, $"{path}.any", add);
        else if (condition.Not is { } not) Validate(not, $"{path}.not", add);
        else if (condition.Output is not null) ValidateOutputShape(condition, path, add);
        else ValidateComparison(condition, path, add);
    }

    private static void ValidateList(IReadOnlyList<Condition> list, string path, WorkflowDefinitionValidator.AddProblem add)
    {
        if (list.Count == 0) add(path, "Danh sách điều kiện không được rỗng.");
        for (var i = 0; i < list.Count; i++) Validate(list[i], $"{path}[{i}]", add);
    }

    private static void ValidateComparison(Condition condition, string path, WorkflowDefinitionValidator.AddProblem add)
    {
        if (condition.Fact is null) { add($"{path}.fact", "Phép so sánh cần một dữ kiện (fact)."); return; }
        if (!FactCatalog.TryGet(condition.Fact, out var fact))
        {
            add($"{path}.fact", "Dữ kiện '{0}' không tồn tại; các dữ kiện đã biết: {1}.", condition.Fact, string.Join(", ", FactCatalog.Facts.Keys));
            return;
        }
        if (condition.Op is not { } op) { add($"{path}.op", "Phép so sánh cần một toán tử (op)."); return; }
        if (condition.Value is not { } value) { add($"{path}.value", "Phép so sánh cần một giá trị (value)."); return; }
        ValidateTyped(fact, op, value, condition.Default, path, add);
    }

    /// <summary>The operator, value and default of a comparison on an operand of a known type.</summary>
    public static void ValidateTyped(FactDescriptor fact, ConditionOperator op, JsonElement value, JsonElement? defaultValue, string path, WorkflowDefinitionValidator.AddProblem add)
    {
        if (fact.Type is FactType.String or FactType.Boolean && op is not (ConditionOperator.Eq or ConditionOperator.Ne or ConditionOperator.In))
        {
            if (fact.Type == FactType.String) add($"{path}.op", "Dữ kiện '{0}' là chuỗi: chỉ dùng được eq, ne và in.", fact.Name);
            else add($"{path}.op", "'{0}' là giá trị đúng/sai: chỉ dùng được eq, ne và in.", fact.Name);
            return;
        }
        if (op == ConditionOperator.In)
        {
            if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            {
                add($"{path}.value", "Toán tử 'in' cần một mảng giá trị không rỗng.");
                return;
            }
            var i = 0;
            foreach (var item in value.EnumerateArray()) ValidateValue(fact, item, $"{path}.value[{i++}]", add);
        }
        else
        {
            ValidateValue(fact, value, $"{path}.value", add);
        }
        if (defaultValue is { } fallback) ValidateValue(fact, fallback, $"{path}.default", add);
    }

    private static void ValidateOutputShape(Condition condition, string path, WorkflowDefinitionValidator.AddProblem add)
    {
        if (condition.Fact is not null) add($"{path}.output", "Một phép so sánh đọc hoặc một fact hoặc một output, không cả hai.");
        if (RouteDataFlow.SplitOutput(condition.Output!) is null)
            add($"{path}.output", "'{0}' không đúng dạng 'khóa-bước.tên' của một output.", condition.Output);
        if (condition.Op is null) add($"{path}.op", "Phép so sánh cần một toán tử (op).");
        if (condition.Value is null) add($"{path}.value", "Phép so sánh cần một giá trị (value).");
    }

    private static void ValidateValue(FactDescriptor fact, JsonElement value, string path, WorkflowDefinitionValidator.AddProblem add)
    {
        switch (fact.Type)
        {
            case FactType.Number when value.ValueKind != JsonValueKind.Number:
                add(path, "Dữ kiện '{0}' là số; giá trị phải là số.", fact.Name);
                break;
            case FactType.String when value.ValueKind != JsonValueKind.String:
                add(path, "Dữ kiện '{0}' là chuỗi; giá trị phải là chuỗi.", fact.Name);
                break;
            case FactType.String when fact.AllowedValues is { } allowed && !allowed.Contains(value.GetString()!):
                add(path, "'{0}' không phải giá trị của '{1}'; cần là một trong: {2}.", value.GetString(), fact.Name, string.Join(", ", allowed));
                break;
            case FactType.Date when value.ValueKind != JsonValueKind.String || !TryParseDate(value.GetString()!, out _):
                add(path, "Dữ kiện '{0}' là ngày; giá trị phải là chuỗi ngày dạng yyyy-MM-dd.", fact.Name);
                break;
            case FactType.Boolean when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                add(path, "'{0}' là giá trị đúng/sai; giá trị so sánh phải là true hoặc false.", fact.Name);
                break;
        }
    }

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
