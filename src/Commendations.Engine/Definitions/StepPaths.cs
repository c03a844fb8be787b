namespace Commendations.Engine;

/// <summary>
/// Nested step keys. A task or step inside a step is named by a path: <c>{parallel step}/{branch}</c> for a parallel
/// branch, <c>{sub-route step}/{callee step key}</c> for a step of a called definition (and so on, further down).
/// Plain keys are kebab-case, so the separator never appears in one.
/// </summary>
public static class StepPaths
{
    public const char Separator = '/';

    /// <summary><see cref="Separator"/> as a string, for building paths without allocating it each time.</summary>
    public const string SeparatorText = "/";

    public static bool IsNested(string key) => key.Contains(Separator, StringComparison.Ordinal);

    /// <summary><c>a/b/c</c> → (<c>a</c>, <c>b/c</c>); a plain key → (key, null).</summary>
    public static (string Head, string? Tail) Split(string path)
    {
        var slash = path.IndexOf(Separator, StringComparison.Ordinal);
        return slash < 0 ? (path, null) : (path[..slash], path[(slash + 1)..]);
    }

    /// <summary>True when <paramref name="key"/> is <paramref name="step"/> or lies inside it (<c>step/...</c>).</summary>
    public static bool IsWithin(string key, string? step) =>
        step is not null && key.StartsWith(step, StringComparison.Ordinal)
        && (key.Length == step.Length || key[step.Length] == Separator);

    /// <summary>
    /// The human steps whose tasks a definition opens itself: its human steps and, for each parallel step, each branch
    /// as its <see cref="ParallelStep.BranchStep"/> (keyed <c>{step}/{branch}</c>). Called definitions are not included.
    /// </summary>
    public static IEnumerable<HumanStep> HumanSteps(WorkflowDefinition definition)
    {
        foreach (var step in definition.Steps)
        {
            if (step is HumanStep human) yield return human;
            else if (step is ParallelStep fork)
            {
                for (var i = 0; i < fork.Branches.Count; i++) yield return fork.BranchStep(i);
            }
        }
    }

    /// <summary>
    /// The step a (possibly nested) key names: a step of <paramref name="definition"/>; for a parallel branch, its
    /// <see cref="ParallelStep.BranchStep"/> (a task or sequential approval); inside a sub-route, the callee's step — of
    /// the version pinned in <paramref name="state"/> while the instance is there, else the step's fixed version or the
    /// latest version <paramref name="callees"/> knows. Null when nothing matches.
    /// </summary>
    public static StepDefinition? Resolve(WorkflowDefinition definition, string path, InstanceState? state = null, CalleeDefinitions? callees = null)
    {
        var (head, rest) = Split(path);
        var step = definition.FindStep(head);
        if (rest is null || step is null) return step;
        switch (step)
        {
            case ParallelStep parallel:
                var index = IsNested(rest) ? -1 : parallel.BranchIndex(rest);
                return index < 0 ? null : parallel.BranchStep(index);
            case SubRouteStep sub:
                callees ??= CalleeDefinitions.Empty;
                InstanceState? inner = null;
                WorkflowDefinition? callee;
                if (state is { CurrentStep: var current, Progress: SubRouteProgress progress } && current == head)
                {
                    inner = progress.State;
                    callee = callees.Find(progress.DefinitionId, progress.Version);
                }
                else
                {
                    callee = sub.Version is { } version ? callees.Find(sub.Definition, version) : callees.Latest(sub.Definition);
                }
                return callee is null ? null : Resolve(callee, rest, inner, callees);
            default:
                return null;
        }
    }
}
