namespace Commendations.Engine;

/// <summary>
/// What moving a running instance to another step of its own version would do: the same preview as a migration
/// (<see cref="MigrationPreview"/>: tasks closing, tasks opening, where it lands), plus the steps with legal weight the
/// move passes over (<see cref="SkippedChecks"/>), which the administrator must acknowledge and the audit records.
/// </summary>
public sealed record MovePreview(MigrationPreview Preview, IReadOnlyList<string> SkippedChecks)
{
    public bool CanApply => Preview.CanApply;
}

/// <summary>
/// An administrator's repair: the instance leaves its current step (open tasks close with outcome <c>moved</c>) and enters
/// another step of the same version afresh (new tasks, deadlines from now); the round, outputs and the whole history are
/// kept and a <see cref="HistoryEvent.Moved"/> entry records from where, to where, who and why.
/// <list type="bullet">
/// <item>Only top-level steps, never an end step: ending a route is the decision's, a withdrawal's or a cancellation's.</item>
/// <item>A branch ahead that reads route data the instance has not recorded refuses the move, as in a migration.</item>
/// <item>A council vote or a public disclosure that every path from the start to the target passes through, and that the
/// instance has not left in this round, is <em>skipped</em>: the preview names it, and the application applies the move
/// only when the administrator says so — the vote's quorum and threshold, or the disclosure's period, are not checked
/// then, and the audit says so.</item>
/// </list>
/// </summary>
public static class InstanceMover
{
    public const string MovedOutcome = "moved";

    public static MovePreview Plan(WorkflowDefinition definition, InstanceState state, string target, RuntimeContext ctx)
    {
        var result = Run(definition, state, target, ctx, null, null);
        var preview = new MigrationPreview(
            state.CurrentStep, target, true,
            result.Succeeded ? result.State.CurrentStep : null,
            result.Succeeded && result.State.Status == InstanceStatus.Completed ? result.State.Result : null,
            result.Succeeded ? [.. state.OpenTasks.Where(t => result.Effects.OfType<TaskClosed>().Any(c => c.TaskId == t.TaskId))] : [],
            [.. result.Effects.OfType<TaskOpened>()],
            result.Effects,
            result.Problems);
        return new MovePreview(preview, result.Problems.Count == 0 ? SkippedChecks(definition, state, target) : []);
    }

    public static MigrationResult Apply(WorkflowDefinition definition, InstanceState state, string target, RuntimeContext ctx, string actorUserId, string reason) =>
        Run(definition, state, target, ctx, actorUserId, reason);

    /// <summary>
    /// Votes and disclosures the move passes over: each dominates the target (every path from the start to it goes through
    /// the step) and was not left in the current round. Returns loop back to the proposal, so plain reachability would
    /// flag every step; dominance does not.
    /// </summary>
    public static IReadOnlyList<string> SkippedChecks(WorkflowDefinition definition, InstanceState state, string target)
    {
        var skipped = new List<string>();
        foreach (var step in definition.Steps)
        {
            if (step.Key == target || !HasLegalWeight(step)) continue;
            if (LeftInRound(state, step.Key)) continue;
            if (!Reachable(definition, definition.Start, target, without: step.Key)) skipped.Add(step.Key);
        }
        return skipped;
    }

    private static bool HasLegalWeight(StepDefinition step) => step is VoteStep || step.Meaning is StepMeaning.Vote or StepMeaning.Disclosure;

    private static bool LeftInRound(InstanceState state, string key) => state.History.Any(e =>
        e.Round == state.Round && e.Event == HistoryEvent.StepLeft && e.StepKey == key && e.Outcome is not (MovedOutcome or "migrated"));

    private static bool Reachable(WorkflowDefinition definition, string from, string to, string without)
    {
        if (from == without) return false;
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var key))
        {
            if (key == to) return true;
            foreach (var edge in definition.FindStep(key)?.Edges() ?? [])
            {
                if (edge.Target is { } next && next != without && seen.Add(next)) queue.Enqueue(next);
            }
        }
        return false;
    }

    private static MigrationResult Run(WorkflowDefinition definition, InstanceState state, string target, RuntimeContext ctx, string? actorUserId, string? reason)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(ctx);
        var problems = new List<MigrationProblem>();
        if (state.DefinitionId != definition.Id || state.DefinitionVersion != definition.Version)
            problems.Add(new(MigrationProblems.DefinitionMismatch, null, "Hồ sơ chạy trên phiên bản {0} của quy trình, không phải phiên bản {1}.", state.DefinitionVersion, definition.Version));
        if (state.Status != InstanceStatus.Running)
            problems.Add(new(MigrationProblems.NotRunning, state.CurrentStep, "Chỉ chuyển được hồ sơ đang xử lý."));
        if (StepPaths.IsNested(target))
            problems.Add(new(MigrationProblems.NestedStep, target, "Bước “{0}” nằm bên trong quy trình con hoặc nhánh song song; hãy chọn bước gọi hoặc bước song song.", Named.Step(target)));
        else if (definition.FindStep(target) is not { } step)
            problems.Add(new(MigrationProblems.UnknownTargetStep, target, "Phiên bản {0} không có bước “{1}”.", definition.Version, target));
        else if (step is EndStep)
            problems.Add(new(MigrationProblems.EndNotAMoveTarget, target,
                "Không chuyển hồ sơ đến bước kết thúc “{0}”: kết thúc hồ sơ là việc của quyết định, của việc rút hoặc huỷ hồ sơ.", Named.Step(target)));
        if (problems.Count > 0) return new MigrationResult(false, state, [], problems);
        problems.AddRange(InstanceMigrator.MissingRouteData(definition, target, state).DistinctBy(p => (p.StepKey, p.Message)));
        if (problems.Count > 0) return new MigrationResult(false, state, [], problems);

        var transition = new Transition(definition, state, ctx);
        if (transition.Move(target, actorUserId, reason) is { } error)
            return new MigrationResult(false, state, [],
                [new(MigrationProblems.CannotEnter, target, "Không vào được bước “{0}”: {1}", Named.Step(target), error)]);
        var done = transition.Complete();
        return new MigrationResult(true, done.State, done.Effects, []);
    }
}
