namespace Commendations.Engine;

/// <summary>
/// Why an instance cannot be migrated as asked. Codes are in <see cref="MigrationProblems"/>; the sentence is a Vietnamese
/// template with arguments (<see cref="Named"/> for keys and ids) that the application translates and names.
/// <see cref="Message"/> is the Vietnamese sentence with raw keys.
/// </summary>
public sealed record MigrationProblem(string Code, string? StepKey,
    [property: System.Text.Json.Serialization.JsonIgnore] string Template,
    [property: System.Text.Json.Serialization.JsonIgnore] params object?[] Args)
{
    public string Message { get; init; } = EngineText.Format(Template, Args);

    public bool Equals(MigrationProblem? other) =>
        other is not null && Code == other.Code && StepKey == other.StepKey && Template == other.Template && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => HashCode.Combine(Code, StepKey, Template);

    public override string ToString() => $"{Code}: {Message}";
}

public static class MigrationProblems
{
    public const string DifferentDefinition = "different-definition";
    public const string DefinitionMismatch = "definition-mismatch";
    public const string SameVersion = "same-version";
    public const string NotRunning = "instance-not-running";
    public const string UnknownSourceStep = "unknown-source-step";
    public const string UnknownTargetStep = "unknown-target-step";
    public const string UnmappedStep = "unmapped-step";
    public const string EndNeedsExplicitMapping = "end-needs-explicit-mapping";

    /// <summary>A mapping names a step inside a sub-route or a parallel branch (<c>a/b</c>); only top-level steps map.</summary>
    public const string NestedStep = "nested-step";

    /// <summary>The mapped step cannot be entered with the given context (e.g. unknown committee or unit scope).</summary>
    public const string CannotEnter = "cannot-enter";

    /// <summary>A branch ahead reads an output or the last vote that the instance has not recorded and no step before it records.</summary>
    public const string MissingRouteData = "missing-route-data";

    /// <summary>A move (<see cref="InstanceMover"/>) names an end step: ending a route is not a repair's.</summary>
    public const string EndNotAMoveTarget = "end-not-a-move-target";
}

/// <summary>
/// What migrating one instance would do. <see cref="LandingStep"/> is where the instance waits afterwards (after any
/// branch steps run), <see cref="ClosingTasks"/> the old version's open tasks, <see cref="OpeningTasks"/> the new ones.
/// </summary>
public sealed record MigrationPreview(
    string? FromStep,
    string? MappedStep,
    bool MappedExplicitly,
    string? LandingStep,
    EndResult? Completes,
    IReadOnlyList<OpenTask> ClosingTasks,
    IReadOnlyList<TaskOpened> OpeningTasks,
    IReadOnlyList<WorkflowEffect> Effects,
    IReadOnlyList<MigrationProblem> Problems)
{
    public bool CanApply => Problems.Count == 0;
}

/// <summary>Like <see cref="TransitionResult"/>: on failure the state is the input state, no effects, and the problems.</summary>
public sealed record MigrationResult(bool Succeeded, InstanceState State, IReadOnlyList<WorkflowEffect> Effects, IReadOnlyList<MigrationProblem> Problems);
