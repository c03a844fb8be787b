namespace Commendations.Engine;

/// <summary>Migration of an instance inside a parallel step or a sub-route; the rules are on <see cref="InstanceMigrator"/>.</summary>
internal sealed partial class Transition
{
    /// <summary>
    /// The instance is inside a sub-route step that the new version keeps under the same key, calling the same definition
    /// (and, if the new step fixes a version, the version already running): the callee goes on untouched.
    /// </summary>
    private bool KeepsSubRoute(WorkflowDefinition from, string target) =>
        _current is { } current && current == target
        && from.FindStep(current) is SubRouteStep before
        && _definition.FindStep(target) is SubRouteStep after
        && before.Definition == after.Definition
        && _progress is SubRouteProgress progress
        && (after.Version is null || after.Version == progress.Version);

    private RuntimeError? KeepSubRoute(int fromVersion, string target, string? actorUserId, string? comment)
    {
        _history.Add(new HistoryEntry(Now, _round, HistoryEvent.Migrated, target, "migrated", actorUserId, comment)
        {
            FromVersion = fromVersion,
            ToVersion = _definition.Version,
            FromStep = _current,
        });
        return null;
    }

    /// <summary>
    /// Parallel → parallel: a branch approved in this round stands when the new step has a branch with the same key and
    /// the same actor (role and scope, or committee); every other branch opens afresh. All approved: leave at once.
    /// </summary>
    private RuntimeError? ContinueParallel(ParallelStep before, ParallelStep step, BranchesProgress old)
    {
        EnterQuietly(step.Key);
        var branches = new BranchProgress[step.Branches.Count];
        var approved = 0;
        for (var i = 0; i < branches.Length; i++)
        {
            var branch = step.Branches[i];
            var j = before.BranchIndex(branch.Key);
            if (j >= 0 && j < old.Branches.Count && old.Branches[j].Outcome == "approved"
                && before.Branches[j].Committee == branch.Committee && before.Branches[j].Assignee == branch.Assignee)
            {
                branches[i] = old.Branches[j];
                approved++;
                continue;
            }
            if (OpenBranch(step, i, out branches[i]) is { } error) return error;
        }
        _progress = new BranchesProgress { Members = [], Branches = branches };
        return approved == branches.Length ? Leave("approved", step.Transitions.Approved, false, null) : null;
    }
}
