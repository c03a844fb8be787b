namespace Commendations.Engine;

/// <summary>
/// Moves a running instance to another version of its definition, continuing from a mapped step (never from the start).
/// Rules:
/// <list type="bullet">
/// <item>The current step maps through <c>stepMapping</c> (old key → new key); without an entry, a step with the same
/// key in the new version is used. Every mapping entry must name an old step and a new step.</item>
/// <item>An end step is a target only when mapped explicitly, so an instance is never completed by accident.</item>
/// <item>Open tasks close with outcome <c>migrated</c>; the mapped step is entered afresh (new tasks, deadlines from
/// now). The round, the task counter and the whole history are kept; a <see cref="HistoryEvent.Migrated"/> entry
/// records the versions and steps.</item>
/// <item>Sequential approval → sequential approval of the same committee: approvals already given in this round
/// stand. Members who approved and are still on the committee are not asked again; the others act in the committee's
/// current rank order. (A different committee starts from its first member.) If everyone has approved, the step
/// is left with <c>approved</c> at once.</item>
/// <item>Wait → wait: the wait keeps counting from when it started, with the new duration.</item>
/// <item>Parallel approvals and votes restart: ballots belong to the session that was interrupted.</item>
/// <item>Parallel step → parallel step: a branch approved in this round stands when the new step has a branch with the
/// same key and the same actor (role and scope, or committee); the other branches open afresh.</item>
/// <item>Inside a sub-route: when the new version keeps the step under the same key and calls the same definition (with
/// no other fixed version), the callee goes on untouched on its pinned version, its tasks open. Otherwise the callee is
/// abandoned like any step (tasks closed <c>migrated</c>) and the mapped step entered afresh. Steps inside a callee
/// or a branch cannot be mapped (<c>nested-step</c>): map the calling or parallel step.</item>
/// <item>Route data moves with the mapping: outputs recorded by a mapped step are kept under the new step's key; the
/// last vote and the round are kept. A branch the instance can reach from the mapped step that reads an output (or the
/// last vote) the instance has not recorded and that no step on the way records, without a <c>default</c>, makes the
/// migration refused (<c>missing-route-data</c>).</item>
/// </list>
/// </summary>
public static class InstanceMigrator
{
    public static MigrationPreview Plan(
        WorkflowDefinition from, WorkflowDefinition to, InstanceState state, IReadOnlyDictionary<string, string>? stepMapping, RuntimeContext ctx)
    {
        var (result, target, explicitly) = Run(from, to, state, stepMapping, ctx, null, null);
        var completed = result.Succeeded && result.State.Status == InstanceStatus.Completed;
        return new MigrationPreview(
            state.CurrentStep,
            target,
            explicitly,
            result.Succeeded ? result.State.CurrentStep : null,
            completed ? result.State.Result : null,
            result.Succeeded ? [.. state.OpenTasks.Where(t => result.Effects.OfType<TaskClosed>().Any(c => c.TaskId == t.TaskId))] : [],
            [.. result.Effects.OfType<TaskOpened>()],
            result.Effects,
            result.Problems);
    }

    public static MigrationResult Apply(
        WorkflowDefinition from, WorkflowDefinition to, InstanceState state, IReadOnlyDictionary<string, string>? stepMapping, RuntimeContext ctx,
        string? actorUserId = null, string? comment = null) =>
        Run(from, to, state, stepMapping, ctx, actorUserId, comment).Result;

    /// <summary>Problems of a mapping on its own, before any instance is chosen.</summary>
    public static IReadOnlyList<MigrationProblem> CheckMapping(WorkflowDefinition from, WorkflowDefinition to, IReadOnlyDictionary<string, string>? stepMapping)
    {
        var problems = new List<MigrationProblem>();
        if (from.Id != to.Id) problems.Add(new(MigrationProblems.DifferentDefinition, null, "{0} và {1} là hai quy trình khác nhau.", Named.Definition(from.Id), Named.Definition(to.Id)));
        if (from.Version == to.Version) problems.Add(new(MigrationProblems.SameVersion, null, "Hai bên đều là phiên bản {0}.", to.Version));
        foreach (var (source, target) in (stepMapping ?? new Dictionary<string, string>()).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (StepPaths.IsNested(source) || StepPaths.IsNested(target))
            {
                problems.Add(new(MigrationProblems.NestedStep, source,
                    "Ánh xạ “{0}” → “{1}” nêu một bước bên trong quy trình con hoặc nhánh song song; hãy ánh xạ bước gọi hoặc bước song song (“{2}”).",
                    Named.Step(source), Named.Step(target), Named.Step(StepPaths.Split(source).Head)));
                continue;
            }
            if (from.FindStep(source) is null) problems.Add(new(MigrationProblems.UnknownSourceStep, source, "Phiên bản {0} không có bước “{1}”.", from.Version, source));
            if (to.FindStep(target) is null) problems.Add(new(MigrationProblems.UnknownTargetStep, source, "Bước “{0}” được ánh xạ đến “{1}”, nhưng phiên bản {2} không có bước đó.", Named.Step(source), target, to.Version));
        }
        return problems;
    }

    private static (MigrationResult Result, string? Target, bool Explicitly) Run(
        WorkflowDefinition from, WorkflowDefinition to, InstanceState state, IReadOnlyDictionary<string, string>? stepMapping, RuntimeContext ctx,
        string? actorUserId, string? comment)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(ctx);
        var problems = CheckMapping(from, to, stepMapping).ToList();
        if (state.DefinitionId != from.Id || state.DefinitionVersion != from.Version)
        {
            problems.Add(new(MigrationProblems.DefinitionMismatch, null, "Hồ sơ chạy trên phiên bản {0} của quy trình, không phải phiên bản {1}.", state.DefinitionVersion, from.Version));
        }
        if (state.Status != InstanceStatus.Running) problems.Add(new(MigrationProblems.NotRunning, state.CurrentStep, "Chỉ chuyển được hồ sơ đang xử lý."));

        var (target, explicitly) = Resolve(to, state.CurrentStep, stepMapping, problems);
        if (problems.Count > 0 || target is null) return (Refused(state, problems), target, explicitly);
        var outputs = MapOutputs(state.Outputs, stepMapping);
        problems.AddRange(MissingRouteData(to, target, state with { Outputs = outputs }).DistinctBy(p => (p.StepKey, p.Message)));
        if (problems.Count > 0) return (Refused(state, problems), target, explicitly);

        var transition = new Transition(to, state with { DefinitionVersion = to.Version, Outputs = outputs }, ctx);
        var error = transition.Migrate(from, state.DefinitionVersion, target, actorUserId, comment);
        if (error is not null)
        {
            return (Refused(state, [new(MigrationProblems.CannotEnter, target, "Không vào được bước “{0}”: {1}", Named.Step(target), error)]), target, explicitly);
        }
        var done = transition.Complete();
        return (new MigrationResult(true, done.State, done.Effects, []), target, explicitly);
    }

    private static (string? Target, bool Explicitly) Resolve(WorkflowDefinition to, string? current, IReadOnlyDictionary<string, string>? stepMapping, List<MigrationProblem> problems)
    {
        if (current is null) return (null, false);
        if (stepMapping is not null && stepMapping.TryGetValue(current, out var mapped)) return (to.FindStep(mapped) is null ? null : mapped, true);
        switch (to.FindStep(current))
        {
            case null:
                problems.Add(new(MigrationProblems.UnmappedStep, current, "Hồ sơ đang ở bước “{0}”, mà phiên bản {1} không có; hãy ánh xạ bước này.", Named.Step(current), to.Version));
                return (null, false);
            case EndStep:
                problems.Add(new(MigrationProblems.EndNeedsExplicitMapping, current, "Bước “{0}” là bước kết thúc ở phiên bản {1}; hãy ánh xạ rõ ràng để kết thúc hồ sơ ở đó.", Named.Step(current), to.Version));
                return (null, false);
            default:
                return (current, false);
        }
    }

    private static MigrationResult Refused(InstanceState state, IReadOnlyList<MigrationProblem> problems) => new(false, state, [], problems);

    /// <summary>Outputs recorded by a step the mapping renames move to the new key (<c>old-step.name</c> → <c>new-step.name</c>).</summary>
    private static IReadOnlyDictionary<string, System.Text.Json.JsonElement>? MapOutputs(
        IReadOnlyDictionary<string, System.Text.Json.JsonElement>? outputs, IReadOnlyDictionary<string, string>? stepMapping)
    {
        if (outputs is null || stepMapping is null || stepMapping.Count == 0) return outputs;
        var mapped = new Dictionary<string, System.Text.Json.JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in outputs)
        {
            var newKey = RouteDataFlow.SplitOutput(key) is { } split && stepMapping.TryGetValue(split.Step, out var to) ? $"{to}.{split.Name}" : key;
            mapped[newKey] = value;
        }
        return mapped;
    }

    internal static IEnumerable<MigrationProblem> MissingRouteData(WorkflowDefinition to, string target, InstanceState state)
    {
        var initial = (state.Outputs?.Keys ?? []).Concat(state.LastVote is null ? [] : [RouteDataFlow.LastVoteKey]);
        var recorded = RouteDataFlow.RecordedOnEveryPath(to, target, initial);
        foreach (var step in to.Steps)
        {
            if (step is not BranchStep branch || recorded.GetValueOrDefault(branch.Key) is not { } available) continue;
            foreach (var @case in branch.Conditions)
            {
                foreach (var (comparison, _) in RouteDataFlow.Comparisons(@case.When, ""))
                {
                    if (comparison.Default is null && RouteDataFlow.ReadKey(comparison) is { } key && !available.Contains(key))
                    {
                        yield return key == RouteDataFlow.LastVoteKey
                            ? new MigrationProblem(MigrationProblems.MissingRouteData, branch.Key,
                                "Nhánh “{0}” đọc kết quả bỏ phiếu gần nhất, nhưng hồ sơ chưa qua lần bỏ phiếu nào và không có bước bỏ phiếu nào trước nhánh.", Named.Step(branch.Key))
                            : RouteDataFlow.SplitOutput(key) is { } output
                                ? new MigrationProblem(MigrationProblems.MissingRouteData, branch.Key,
                                    "Nhánh “{0}” đọc kết quả “{1}” của bước “{2}”, mà hồ sơ chưa ghi nhận và không bước nào trước đó ghi nhận; hãy ánh xạ đến một bước trước bước ghi nhận kết quả này.",
                                    Named.Step(branch.Key), Named.Output(output.Name), Named.Step(output.Step))
                                : new MigrationProblem(MigrationProblems.MissingRouteData, branch.Key,
                                    "Nhánh “{0}” đọc một kết quả mà hồ sơ chưa ghi nhận.", Named.Step(branch.Key));
                    }
                }
            }
        }
    }
}
