namespace Commendations.Engine;

/// <summary>Reading an instance that may be inside a sub-route: the innermost running state and its key prefix.</summary>
public static class NestedStates
{
    /// <summary>
    /// The innermost state (the callee's while a sub-route step is current, recursively) and the prefix its keys take in
    /// the outer instance (<c>""</c> at the top, <c>discipline-check/</c> one level down).
    /// </summary>
    public static (string Prefix, InstanceState State) Innermost(this InstanceState state)
    {
        var prefix = "";
        while (state.Progress is SubRouteProgress sub && state.CurrentStep is { } step)
        {
            prefix = string.Concat(prefix, step, StepPaths.SeparatorText);
            state = sub.State;
        }
        return (prefix, state);
    }

    /// <summary>The current step as a path, e.g. <c>discipline-check/complaint-check</c>.</summary>
    public static string? CurrentPath(this InstanceState state)
    {
        var (prefix, inner) = state.Innermost();
        return inner.CurrentStep is null ? null : prefix + inner.CurrentStep;
    }

    /// <summary>The wait the instance is in (its step path, for <see cref="WaitElapsed"/>) and when it ends, or null.</summary>
    public static (string StepKey, DateTimeOffset Until)? ActiveWait(this InstanceState state)
    {
        var (prefix, inner) = state.Innermost();
        return inner is { WaitUntil: { } until, CurrentStep: { } step } ? (prefix + step, until) : null;
    }

    /// <summary>The vote the instance is at (its step path, for <see cref="CastVote"/> and <see cref="CloseVote"/>), or null.</summary>
    public static (string StepKey, VoteProgress Progress)? ActiveVote(this InstanceState state)
    {
        var (prefix, inner) = state.Innermost();
        return inner is { Progress: VoteProgress vote, CurrentStep: { } step } ? (prefix + step, vote) : null;
    }
}
