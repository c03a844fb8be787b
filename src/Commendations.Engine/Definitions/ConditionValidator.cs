using System.Globalization;
using System.Text.Json;

namespace Commendations.Engine;

/// <summary>Checks conditions against <see cref="FactCatalog"/>: known facts, operators valid for the type, values of the right type.</summary>
internal static class ConditionValidator
{
    public static void Validate(Condition condition, string path, WorkflowDefinitionValidator.AddProblem add)
    {
        var forms = (condition.Fact is not null || condition.Op is not null || condition.Value is not null ? 1 : 0)
            + (condition.All is null ? 0 : 1) + (condition.Any is null ? 0 : 1) + (condition.Not is null ? 0 : 1);
        if (forms != 1)
        {
            add(path, "Điều kiện cần đúng một dạng: so sánh (fact, op, value), all, any hoặc not.");
            return;
        }
        if (condition.All is { } all) ValidateList(all, $"{path}.all", add);
        else if (condition.Any is { } any) ValidateList(any, $"{path}.any", add);
        else if (condition.Not is { } not) Validate(not, $"{path}.not", add);
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
        if (fact.Type == FactType.String && op is not (ConditionOperator.Eq or ConditionOperator.Ne or ConditionOperator.In))
        {
            add($"{path}.op", "Dữ kiện '{0}' là chuỗi: chỉ dùng được eq, ne và in.", fact.Name);
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
        }
    }

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
