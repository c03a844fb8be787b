namespace Commendations.Engine;

/// <summary>Parallel fork/join (<see cref="ParallelStep"/>): every branch's tasks open at once; the step joins on their outcomes.</summary>
internal sealed partial class Transition
{
    private RuntimeError? EnterParallel(ParallelStep step)
    {
        var branches = new BranchProgress[step.Branches.Count];
        for (var i = 0; i < branches.Length; i++)
        {
            if (OpenBranch(step, i, out branches[i]) is { } error) return error;
        }
        _progress = new BranchesProgress { Members = [], Branches = branches };
        return null;
    }

    /// <summary>Opens a branch's first task: the role's, or the committee's first member's.</summary>
    private RuntimeError? OpenBranch(ParallelStep step, int index, out BranchProgress progress)
    {
        var branch = step.Branches[index];
        var human = step.BranchStep(index);
        progress = new BranchProgress(branch.Key);
        if (ComputeDeadline(human, out var due, out var reminders) is { } deadlineError) return deadlineError;
        if (branch.Committee is { } committee)
        {
            if (Members(committee, out var members) is { } membersError) return membersError;
            progress = progress with { Members = members };
            OpenTask(human, Assignee.User(members[0]), 1, due, reminders);
            return null;
        }
        var assignee = branch.Assignee!;
        if (!_context.UnitScopes.TryGetValue(assignee.Scope, out var unitId))
        {
            return Error(RuntimeErrors.UnknownUnitScope, "Chưa cấu hình đơn vị cho phạm vi “{0}”.", Named.Scope(assignee.Scope));
        }
        OpenTask(human, Assignee.RoleInUnit(assignee.Role, unitId), 1, due, reminders);
        return null;
    }

    /// <summary>The parallel step and branch index a branch task's step key (<c>{step}/{branch}</c>) names, or null.</summary>
    private (ParallelStep Step, int Branch)? BranchOf(string stepKey)
    {
        var slash = stepKey.IndexOf(StepPaths.Separator, StringComparison.Ordinal);
        if (slash < 0 || StepAt(stepKey.AsSpan(0, slash)) is not ParallelStep step) return null;
        var key = stepKey.AsSpan(slash + 1);
        for (var i = 0; i < step.Branches.Count; i++)
        {
            if (key.SequenceEqual(step.Branches[i].Key)) return (step, i);
        }
        return null;
    }

    /// <summary>
    /// A branch task is acted on. A return ends the step at once (round + 1). An approval moves a committee branch to its
    /// next member, or decides the branch; a rejection decides it and, under <c>rejectImmediately</c>, ends the step.
    /// Once every branch has decided: all approved → <c>approved</c>, else <c>rejected</c>.
    /// </summary>
    private RuntimeError? ActOnBranch(ParallelStep step, int branchIndex, int taskIndex, Actor actor, string action, string? comment, bool bySystem)
    {
        var task = _tasks[taskIndex];
        var branch = step.Branches[branchIndex];
        if (_current != step.Key || _progress is not BranchesProgress progress)
        {
            return Error(RuntimeErrors.TaskClosed, "Việc này đã được xử lý.");
        }
        var state = progress.Branches[branchIndex];
        if (!bySystem)
        {
            if (branch.Assignee is not null
                && (task.Assignee.Role is null || !actor.Roles.Contains(task.Assignee.Role) || actor.UnitId != task.Assignee.UnitId))
            {
                return Error(RuntimeErrors.NotAssignee, "Việc này dành cho {0} của {1}.", Named.Role(task.Assignee.Role), Named.Unit(task.Assignee.UnitId));
            }
            if (branch.Committee is not null && actor.UserId != task.Assignee.UserId)
            {
                return state.Members is { } members && members.Contains(actor.UserId)
                    ? Error(RuntimeErrors.NotYourTurn, "Chưa đến lượt bạn: việc này đang chờ {0} xử lý.", Named.User(task.Assignee.UserId))
                    : Error(RuntimeErrors.NotAssignee, "Bạn không phải người xử lý bước “{0}”.", Named.Step(task.StepKey));
            }
        }
        if (ApprovalTarget(step.Transitions, action, out var target) is { } badAction) return badAction;

        var actorId = bySystem ? Actor.SystemUserId : actor.UserId;
        CloseTask(taskIndex, action, actorId);
        Record(HistoryEvent.Acted, task.StepKey, action, actorId, comment, task.TaskId);
        if (action == ApprovalAction.Return) return Leave("returned", target, true, actorId);

        if (action == ApprovalAction.Approve && state.Members is { } committee && state.Index + 1 < committee.Count)
        {
            var next = state.Index + 1;
            _progress = progress.With(branchIndex, state with { Index = next });
            var human = step.BranchStep(branchIndex);
            if (ComputeDeadline(human, out var due, out var reminders) is { } deadlineError) return deadlineError;
            OpenTask(human, Assignee.User(committee[next]), next + 1, due, reminders);
            return null;
        }

        var outcome = action == ApprovalAction.Approve ? "approved" : "rejected";
        _progress = progress = progress.With(branchIndex, state with { Outcome = outcome });
        if (action == ApprovalAction.Reject && step.OnRejection == BranchRejection.RejectImmediately)
        {
            return Leave("rejected", target, false, actorId);
        }
        var approved = 0;
        foreach (var b in progress.Branches)
        {
            if (b.Outcome is null) return null;
            if (b.Outcome == "approved") approved++;
        }
        return approved == progress.Branches.Count
            ? Leave("approved", step.Transitions.Approved, false, actorId)
            : Leave("rejected", step.Transitions.Rejected!, false, actorId);
    }

    /// <summary>The definition's step with this key (a part of a path), without allocating the key.</summary>
    private StepDefinition? StepAt(ReadOnlySpan<char> key)
    {
        var steps = _definition.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            if (key.SequenceEqual(steps[i].Key)) return steps[i];
        }
        return null;
    }

    /// <summary>The human step whose tasks carry this step key: a step of the definition, or a parallel branch.</summary>
    private HumanStep? HumanStepOf(string stepKey) =>
        BranchOf(stepKey) is { } fork ? fork.Step.BranchStep(fork.Branch) : _definition.FindStep(stepKey) as HumanStep;

    /// <summary>Whether tasks with this step key can have been issued by this instance (for task-closed vs unknown-task).</summary>
    private bool IssuesTasks(string stepKey) =>
        HumanStepOf(stepKey) is not null || _definition.FindStep(StepPaths.Split(stepKey).Head) is SubRouteStep;
}
