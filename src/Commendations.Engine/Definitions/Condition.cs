using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commendations.Engine;

/// <summary>
/// A declarative condition over nomination facts. Exactly one form is used:
/// a comparison <c>{ "fact", "op", "value" }</c>, <c>{ "all": [...] }</c>, <c>{ "any": [...] }</c> or <c>{ "not": {...} }</c>.
/// A comparison on a fact the nomination does not have is false (for every operator, including <c>ne</c>).
/// </summary>
public sealed record Condition
{
    public string? Fact { get; init; }
    public ConditionOperator? Op { get; init; }

    /// <summary>A string, number, date string (yyyy-MM-dd) or, for <c>in</c>, an array of them, matching the fact's type.</summary>
    public JsonElement? Value { get; init; }

    public IReadOnlyList<Condition>? All { get; init; }
    public IReadOnlyList<Condition>? Any { get; init; }
    public Condition? Not { get; init; }

    public static Condition Compare(string fact, ConditionOperator op, object value) =>
        new() { Fact = fact, Op = op, Value = JsonSerializer.SerializeToElement(value) };
}

[JsonConverter(typeof(JsonStringEnumConverter<ConditionOperator>))]
public enum ConditionOperator
{
    [JsonStringEnumMemberName("eq")] Eq,
    [JsonStringEnumMemberName("ne")] Ne,
    [JsonStringEnumMemberName("in")] In,
    [JsonStringEnumMemberName("gt")] Gt,
    [JsonStringEnumMemberName("gte")] Gte,
    [JsonStringEnumMemberName("lt")] Lt,
    [JsonStringEnumMemberName("lte")] Lte,
}
