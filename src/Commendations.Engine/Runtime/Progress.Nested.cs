namespace Commendations.Engine;

/// <summary>
/// Progress of a <see cref="ParallelStep"/>: one entry per branch, in the step's order. <see cref="StepProgress.Members"/>
/// is empty (each committee branch keeps its own members).
/// </summary>
public sealed record BranchesProgress : StepProgress
{
    public required IReadOnlyList<BranchProgress> Branches { get; init; }

    public BranchesProgress With(int index, BranchProgress branch)
    {
        var branches = Branches.ToArray();
        branches[index] = branch;
        return this with { Branches = branches };
    }
}

/// <summary>
/// One branch: <see cref="Outcome"/> is null while it runs, then <c>approved</c> or <c>rejected</c>. A committee branch
/// has its members (rank order, snapshot at entry) and the index of the member whose turn it is.
/// </summary>
public sealed record BranchProgress(string Key, string? Outcome = null)
{
    public IReadOnlyList<string>? Members { get; init; }

    public int Index { get; init; }
}

/// <summary>
/// Progress of a <see cref="SubRouteStep"/>: the called definition and the version pinned on entry, and the callee's own
/// nested state (without history: the callee's history lines are written into the caller's, with prefixed step keys).
/// <see cref="StepProgress.Members"/> is empty.
/// </summary>
public sealed record SubRouteProgress : StepProgress
{
    public required string DefinitionId { get; init; }
    public required int Version { get; init; }
    public required InstanceState State { get; init; }
}
