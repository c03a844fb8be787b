using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commendations.Engine;

/// <summary>
/// A declarative condition over nomination facts and route data. Exactly one form is used:
/// a comparison <c>{ "fact", "op", "value" }</c> or <c>{ "output", "op", "value" }</c>, <c>{ "all": [...] }</c>,
/// <c>{ "any": [...] }</c> or <c>{ "not": {...} }</c>.
/// A comparison on a fact or output the instance does not have uses its <see cref="Default"/>, and without one is false
/// (for every operator, including <c>ne</c>).
/// </summary>
public sealed record Condition
{
    public string? Fact { get; init; }

    /// <summary>An output recorded by an earlier task step: <c>step-key.name</c> (see <see cref="OutputDeclaration"/>).</summary>
    public string? Output { get; init; }

    public ConditionOperator? Op { get; init; }

    /// <summary>A string, number, boolean, date string (yyyy-MM-dd) or, for <c>in</c>, an array of them, matching the fact's type.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>The value compared when the fact or output is missing (same type as the fact or output).</summary>
    public JsonElement? Default { get; init; }

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
