using System.Text.Json.Serialization;

namespace Commendations.Engine;

/// <summary>
/// A value a task step records for later branches, e.g. the appraiser's finding. An action records it with a fixed value
/// (<see cref="TaskAction.Outputs"/>) or asks the actor to choose it (<see cref="TaskAction.Asks"/>). Conditions read
/// it as <c>{ "output": "step-key.name", ... }</c>; the latest value recorded counts.
/// </summary>
public sealed record OutputDeclaration
{
    /// <summary>Letters and digits, starting with a lowercase letter, e.g. <c>finding</c>.</summary>
    public required string Name { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public OutputType Type { get; init; } = OutputType.String;

    /// <summary>For strings: the values an actor may choose (required when an action asks for the output).</summary>
    public IReadOnlyList<string>? Options { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<OutputType>))]
public enum OutputType
{
    [JsonStringEnumMemberName("string")] String,
    [JsonStringEnumMemberName("number")] Number,
    [JsonStringEnumMemberName("boolean")] Boolean,
}
