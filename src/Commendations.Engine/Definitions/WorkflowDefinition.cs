using System.Text.Json.Serialization;

namespace Commendations.Engine;

/// <summary>
/// A versioned workflow definition: the routing of one kind of nomination, as a graph of steps named by stable keys.
/// Everything except <see cref="Layout"/> is semantics; the layout is designer data and is ignored by the runtime
/// and by <see cref="WorkflowDefinitionSerializer.ContentHash"/>.
/// </summary>
public sealed record WorkflowDefinition
{
    /// <summary>Stable kebab-case id, e.g. <c>bang-khen-chuyen-de</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Version number, 1 or more. A published version is immutable.</summary>
    public required int Version { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required AppliesTo AppliesTo { get; init; }

    /// <summary>Key of the first step.</summary>
    public required string Start { get; init; }

    /// <summary>
    /// Optional key of an <c>end</c> step with result <c>Withdrawn</c> that a <see cref="Withdraw"/> command leads to
    /// from any non-final step. Without it, a withdrawal completes the instance with result Withdrawn directly.
    /// </summary>
    public string? OnWithdraw { get; init; }

    public required IReadOnlyList<StepDefinition> Steps { get; init; }

    /// <summary>Designer positions by step key; never read by the runtime.</summary>
    public IReadOnlyDictionary<string, LayoutPosition>? Layout { get; init; }

    /// <summary>The step with this key, or null.</summary>
    public StepDefinition? FindStep(string key)
    {
        var steps = Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            if (string.Equals(steps[i].Key, key, StringComparison.Ordinal))
            {
                return steps[i];
            }
        }
        return null;
    }
}

/// <summary>Which nominations a definition routes.</summary>
public sealed record AppliesTo
{
    /// <summary>Nominee kinds: <c>collective</c>, <c>individual</c>, <c>household</c>.</summary>
    public required IReadOnlyList<string> NomineeKinds { get; init; }

    /// <summary>Award form codes, e.g. <c>bang-khen-tinh</c>, <c>csdt-tinh</c>.</summary>
    public required IReadOnlyList<string> AwardForms { get; init; }
}

/// <summary>A designer position of a step.</summary>
public sealed record LayoutPosition
{
    public required double X { get; init; }
    public required double Y { get; init; }
}

/// <summary>The result an instance ends with.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EndResult>))]
public enum EndResult
{
    Awarded,
    Rejected,
    Withdrawn,
}
