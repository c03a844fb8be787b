using System.Text.Json;

namespace Commendations.Engine;

/// <summary>Evaluates a validated condition against facts. A comparison on a missing fact is false.</summary>
public static class ConditionEvaluator
{
    public static bool Evaluate(Condition condition, NominationFacts facts)
    {
        if (condition.All is { } all) return all.All(c => Evaluate(c, facts));
        if (condition.Any is { } any) return any.Any(c => Evaluate(c, facts));
        if (condition.Not is { } not) return !Evaluate(not, facts);
        if (condition.Fact is null || condition.Op is not { } op || condition.Value is not { } value) return false;
        if (!facts.TryGetValue(condition.Fact, out var actual)) return false;

        return op switch
        {
            ConditionOperator.In => value.ValueKind == JsonValueKind.Array && value.EnumerateArray().Any(v => Compare(actual, v) == 0),
            ConditionOperator.Eq => Compare(actual, value) == 0,
            ConditionOperator.Ne => Compare(actual, value) is not 0 and not null,
            ConditionOperator.Gt => Compare(actual, value) > 0,
            ConditionOperator.Gte => Compare(actual, value) >= 0,
            ConditionOperator.Lt => Compare(actual, value) < 0,
            ConditionOperator.Lte => Compare(actual, value) <= 0,
            _ => false,
        };
    }

    /// <summary>Sign of actual − expected, or null when the value has the wrong type.</summary>
    private static int? Compare(FactValue actual, JsonElement expected) => actual.Type switch
    {
        FactType.String when expected.ValueKind == JsonValueKind.String => string.CompareOrdinal(actual.Text, expected.GetString()),
        FactType.Number when expected.ValueKind == JsonValueKind.Number => actual.Number.CompareTo(expected.GetDecimal()),
        FactType.Date when expected.ValueKind == JsonValueKind.String && ConditionValidator.TryParseDate(expected.GetString()!, out var d) => actual.Date.CompareTo(d),
        _ => null,
    };
}
