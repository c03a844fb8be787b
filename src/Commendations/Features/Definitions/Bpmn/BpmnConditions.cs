using System.Globalization;
using Commendations.Engine;

namespace Commendations.Features.Definitions.Bpmn;

/// <summary>A branch condition as the text of a BPMN condition expression (a reading aid, not an executable language).</summary>
public static class BpmnConditions
{
    public static string Text(Condition condition)
    {
        if (condition.All is { } all)
            return string.Join(" và ", all.Select(Nested));
        if (condition.Any is { } any)
            return string.Join(" hoặc ", any.Select(Nested));
        if (condition.Not is { } not)
            return $"không {Nested(not)}";
        var subject = condition.Fact ?? condition.Output ?? "?";
        var value = condition.Value is { } v ? v.GetRawText() : "null";
        return string.Create(CultureInfo.InvariantCulture, $"{subject} {Operator(condition.Op)} {value}");
    }

    private static string Nested(Condition condition) => condition.All is not null || condition.Any is not null ? $"({Text(condition)})" : Text(condition);

    private static string Operator(ConditionOperator? op) => op switch
    {
        ConditionOperator.Eq => "=",
        ConditionOperator.Ne => "≠",
        ConditionOperator.In => "∈",
        ConditionOperator.Gt => ">",
        ConditionOperator.Gte => "≥",
        ConditionOperator.Lt => "<",
        ConditionOperator.Lte => "≤",
        _ => "?",
    };
}
