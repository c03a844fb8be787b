using System.Text.Json.Serialization;

namespace Commendations.Engine;

/// <summary>What kind of difference a <see cref="DefinitionChange"/> is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DefinitionChangeKind>))]
public enum DefinitionChangeKind
{
    /// <summary>A top-level field: <c>name</c>, <c>description</c>, <c>appliesTo.*</c>, <c>start</c>, <c>onWithdraw</c>.</summary>
    FieldChanged,
    StepAdded,
    StepRemoved,

    /// <summary>A step's key changed and nothing else (<see cref="DefinitionChange.Before"/> the old key, After the new one).</summary>
    StepRenamed,

    /// <summary>A property of a step present in both versions (its <c>type</c> included); transitions are separate.</summary>
    StepChanged,

    /// <summary>An outcome of a step leads elsewhere, or was added (before null) or removed (after null).</summary>
    TransitionChanged,

    /// <summary>Layout only: a step moved on the diagram.</summary>
    LayoutChanged,

    /// <summary>Layout only: the order of steps in the document changed (the runtime never depends on it).</summary>
    StepsReordered,
}

/// <summary>
/// One difference between two definition versions. The structured fields are meant for rendering in any language
/// (kind + step + path + outcome + before/after); the sentence is a Vietnamese <see cref="Template"/> with
/// <see cref="Args"/> (<see cref="Named"/> for steps, outcomes and types), which the application translates and names;
/// <see cref="Description"/> is that sentence (Vietnamese with raw keys until the application replaces it).
/// Before/after are short renderings of the values: null means the property or step is absent on that side.
/// </summary>
public sealed record DefinitionChange(
    DefinitionChangeKind Kind,
    string? StepKey,
    string? Path,
    string? Before,
    string? After,
    [property: System.Text.Json.Serialization.JsonIgnore] string Template,
    [property: System.Text.Json.Serialization.JsonIgnore] params object?[] Args)
{
    public string Description { get; init; } = EngineText.Format(Template, Args);

    /// <summary>For <see cref="DefinitionChangeKind.TransitionChanged"/>: the outcome or action name (<c>approved</c>, <c>return</c>, <c>next</c>, <c>default</c>, <c>conditions[0]</c>).</summary>
    public string? Outcome { get; init; }

    /// <summary>True for changes that do not affect routing (diagram positions, step order in the document).</summary>
    public bool IsLayoutOnly => Kind is DefinitionChangeKind.LayoutChanged or DefinitionChangeKind.StepsReordered;

    /// <summary>E.g. <c>committee-review.deadline.workingDays</c>.</summary>
    public string FullPath => StepKey is null ? Path ?? "" : Path is null ? StepKey : $"{StepKey}.{Path}";

    /// <summary>E.g. <c>committee-review.deadline.workingDays: 5 → 7</c>.</summary>
    public override string ToString() => $"{FullPath}: {Before ?? "(none)"} → {After ?? "(none)"}";
}
