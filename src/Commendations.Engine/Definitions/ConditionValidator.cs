using System.Globalization;
using System.Text.Json;

namespace Commendations.Engine;

/// <summary>Checks conditions against <see cref="FactCatalog"/>: known facts, operators valid for the type, values of the right type.</summary>
internal static class ConditionValidator
{
    public static void Validate(Condition condition, string path, Action<string, string> add)
    {
        var forms = (condition.Fact is not null || condition.Op is not null || condition.Value is not null ? 1 : 0)
            + (condition.All is null ? 0 : 1) + (condition.Any is null ? 0 : 1) + (condition.Not is null ? 0 : 1);
        if (forms != 1)
        {
            add(path, "A condition needs exactly one form: {fact, op, value}, all, any or not.");
            return;
        }
        if (condition.All is { } all) ValidateList(all, $"{path}.all", add);
        else if (condition.Any is { } any) ValidateList(any, $"{path}.any", add);
        else if (condition.Not is { } not) Validate(not, $"{path}.not", add);
        else ValidateComparison(condition, path, add);
    }

    private static void ValidateList(IReadOnlyList<Condition> list, string path, Action<string, string> add)
    {
        if (list.Count == 0) add(path, "The list of conditions must not be empty.");
        for (var i = 0; i < list.Count; i++) Validate(list[i], $"{path}[{i}]", add);
    }

    private static void ValidateComparison(Condition condition, string path, Action<string, string> add)
    {
        if (condition.Fact is null) { add($"{path}.fact", "A comparison needs a fact."); return; }
        if (!FactCatalog.TryGet(condition.Fact, out var fact))
        {
            add($"{path}.fact", $"Unknown fact '{condition.Fact}'; known facts: {string.Join(", ", FactCatalog.Facts.Keys)}.");
            return;
        }
        if (condition.Op is not { } op) { add($"{path}.op", "A comparison needs an operator."); return; }
        if (condition.Value is not { } value) { add($"{path}.value", "A comparison needs a value."); return; }
        if (fact.Type == FactType.String && op is not (ConditionOperator.Eq or ConditionOperator.Ne or ConditionOperator.In))
        {
            add($"{path}.op", $"The fact '{fact.Name}' is a string: only eq, ne and in apply.");
            return;
        }
        if (op == ConditionOperator.In)
        {
            if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            {
                add($"{path}.value", "The operator 'in' needs a non-empty array of values.");
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

    private static void ValidateValue(FactDescriptor fact, JsonElement value, string path, Action<string, string> add)
    {
        switch (fact.Type)
        {
            case FactType.Number when value.ValueKind != JsonValueKind.Number:
                add(path, $"The fact '{fact.Name}' is a number; the value must be a number.");
                break;
            case FactType.String when value.ValueKind != JsonValueKind.String:
                add(path, $"The fact '{fact.Name}' is a string; the value must be a string.");
                break;
            case FactType.String when fact.AllowedValues is { } allowed && !allowed.Contains(value.GetString()!):
                add(path, $"'{value.GetString()}' is not a value of '{fact.Name}'; expected one of {string.Join(", ", allowed)}.");
                break;
            case FactType.Date when value.ValueKind != JsonValueKind.String || !TryParseDate(value.GetString()!, out _):
                add(path, $"The fact '{fact.Name}' is a date; the value must be a date string yyyy-MM-dd.");
                break;
        }
    }

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
