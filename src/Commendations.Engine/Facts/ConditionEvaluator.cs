using System.Text.Json;

namespace Commendations.Engine;

/// <summary>
/// Evaluates a validated condition against facts and route data. A comparison on a missing fact or output compares its
/// <c>default</c>, and without one is false.
/// </summary>
public static class ConditionEvaluator
{
    public static bool Evaluate(Condition condition, NominationFacts facts) => Evaluate(condition, facts, new RouteData(1, null, null));

    public static bool Evaluate(Condition condition, NominationFacts facts, RouteData route)
    {
        if (condition.All is { } all)
        {
            foreach (var c in all) if (!Evaluate(c, facts, route)) return false;
            return true;
        }
        if (condition.Any is { } any)
        {
            foreach (var c in any) if (Evaluate(c, facts, route)) return true;
            return false;
        }
        if (condition.Not is { } not) return !Evaluate(not, facts, route);
        if (condition.Op is not { } op || condition.Value is not { } value) return false;

        FactValue actual = default;
        var found = condition.Output is { } output
            ? route.TryGetOutput(output, out actual)
            : condition.Fact is { } fact && (FactCatalog.TryGet(fact, out var descriptor) && descriptor.Source == FactSource.Route
                ? route.TryGetFact(fact, out actual)
                : facts.TryGetValue(fact, out actual));
        if (!found)
        {
            if (condition.Default is not { } fallback || !TryRead(fallback, out actual)) return false;
        }

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

    /// <summary>A JSON string, number or boolean as a value (dates are compared from strings by the fact's type).</summary>
    internal static bool TryRead(JsonElement json, out FactValue value)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                value = FactValue.Of(json.GetString()!);
                return true;
            case JsonValueKind.Number:
                value = FactValue.Of(json.GetDecimal());
                return true;
            case JsonValueKind.True or JsonValueKind.False:
                value = FactValue.Of(json.GetBoolean());
                return true;
            default:
                value = default;
                return false;
        }
    }

    /// <summary>Sign of actual − expected, or null when the value has the wrong type.</summary>
    private static int? Compare(FactValue actual, JsonElement expected) => actual.Type switch
    {
        FactType.String when expected.ValueKind == JsonValueKind.String => string.CompareOrdinal(actual.Text, expected.GetString()),
        FactType.Number when expected.ValueKind == JsonValueKind.Number => actual.Number.CompareTo(expected.GetDecimal()),
        FactType.Date when expected.ValueKind == JsonValueKind.String && ConditionValidator.TryParseDate(expected.GetString()!, out var d) => actual.Date.CompareTo(d),
        // (A default for a date fact is read as a string: yyyy-MM-dd strings order as the dates do.)
        FactType.Boolean when expected.ValueKind is JsonValueKind.True or JsonValueKind.False => actual.Flag.CompareTo(expected.GetBoolean()),
        _ => null,
    };
}
