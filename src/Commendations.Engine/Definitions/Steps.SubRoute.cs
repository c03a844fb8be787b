namespace Commendations.Engine;

/// <summary>
/// Calls another published definition (e.g. a shared discipline check) as part of this route. On entry the callee's
/// version is pinned — <see cref="Version"/> when given, else the latest published version at that moment — and recorded
/// in the caller's state (<see cref="SubRouteProgress"/>), which holds the callee's nested state. The callee's end result
/// takes the matching transition: <c>Awarded</c> → <c>awarded</c>, <c>Rejected</c> → <c>rejected</c>,
/// <c>Withdrawn</c> → <c>withdrawn</c>. Callee tasks, steps and waits appear in the caller with keys prefixed by this
/// step's key (<c>discipline-check/complaint-check</c>). The callee's <c>appliesTo</c> is not checked when called.
/// </summary>
public sealed record SubRouteStep : StepDefinition
{
    /// <summary>The id of the called definition.</summary>
    public required string Definition { get; init; }

    /// <summary>Optional: call exactly this published version; without it, the latest published version when the step is entered.</summary>
    public int? Version { get; init; }

    public required SubRouteTransitions Transitions { get; init; }

    public override IEnumerable<StepTransition> Edges()
    {
        if (Transitions.Awarded is not null) yield return new StepTransition("transitions.awarded", Transitions.Awarded);
        if (Transitions.Rejected is not null) yield return new StepTransition("transitions.rejected", Transitions.Rejected);
        if (Transitions.Withdrawn is not null) yield return new StepTransition("transitions.withdrawn", Transitions.Withdrawn);
    }

    /// <summary>The transition for a callee result, or null when the step declares none.</summary>
    public string? TargetFor(EndResult result) => result switch
    {
        EndResult.Awarded => Transitions.Awarded,
        EndResult.Rejected => Transitions.Rejected,
        _ => Transitions.Withdrawn,
    };
}

/// <summary>Where the caller goes for each end result of the called definition. Each result the callee can reach needs one.</summary>
public sealed record SubRouteTransitions
{
    /// <summary>The callee ended <c>Awarded</c> (for a check: passed).</summary>
    public string? Awarded { get; init; }

    /// <summary>The callee ended <c>Rejected</c> (for a check: failed).</summary>
    public string? Rejected { get; init; }

    /// <summary>The callee reached an end step with result <c>Withdrawn</c>.</summary>
    public string? Withdrawn { get; init; }
}
