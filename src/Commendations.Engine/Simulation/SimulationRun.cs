namespace Commendations.Engine;

/// <summary>One simulation: plays the scenario's actions one by one against the runtime, moving time forward.</summary>
internal sealed class SimulationRun(WorkflowDefinition definition, SimulationScenario scenario, RuntimeContext context)
{
    private static readonly Actor Simulator = Actor.User("simulator");
    private readonly SimulationRecorder _recorder = new(definition, context.Callees);
    private InstanceState _state = null!;
    private DateTimeOffset _now = scenario.Start;

    public SimulationResult Run()
    {
        var started = WorkflowRuntime.Start(definition, context);
        _state = started.State;
        if (!started.Succeeded) return Stop(null, started.Error!.Code, started.Error.Template, started.Error.Args);
        _recorder.Record(null, _now, started.Effects);

        for (var i = 0; i < scenario.Actions.Count; i++)
        {
            if (_state.Status != InstanceStatus.Running)
            {
                return Stop(i, RuntimeErrors.InstanceCompleted, "Quy trình đã kết thúc ({0}); thao tác thứ {1} của kịch bản và các thao tác sau không được chạy.",
                    Named.Result(_state.Result), i + 1);
            }
            if (Play(i, scenario.Actions[i]) is { } refusal) return _recorder.Result(_state, refusal);
        }
        return _recorder.Result(_state, null);
    }

    private SimulationRefusal? Play(int index, SimulationAction action) => action.Action switch
    {
        SimulationActions.Vote => Vote(index, action),
        SimulationActions.CloseVote => Time(index, action, _now, out var at) ?? Execute(index, new CloseVote(_state.ActiveVote()?.StepKey ?? _state.CurrentStep!, Simulator), at),
        SimulationActions.LetDeadlinePass => DeadlinePasses(index, action),
        SimulationActions.WaitElapses => _state.ActiveWait() is { } wait
            ? Execute(index, new WaitElapsed(wait.StepKey), action.At ?? Max(_now, wait.Until))
            : Refuse(index, SimulationErrors.NotAWait, "Hồ sơ đang ở bước “{0}”, không phải thời gian chờ.", Named.Step(_state.CurrentPath() ?? "")),
        SimulationActions.Escalate => EscalationsHappen(index, action),
        SimulationActions.Withdraw => Time(index, action, _now, out var at) ?? Execute(index, new Withdraw(Simulator, action.Comment), at),
        _ => ActOnTask(index, action),
    };

    private SimulationRefusal? ActOnTask(int index, SimulationAction action)
    {
        if (PickTask(index, action, out var task) is { } none) return none;
        return Time(index, action, Max(_now, _recorder.OpenedAt(task.TaskId)), out var at)
            ?? Execute(index, new ActOnTask(task.TaskId, ActorFor(task.Assignee), action.Action, action.Comment) { Outputs = action.Outputs }, at);
    }

    /// <summary>Time jumps to the earliest due time; every open task due by then has its deadline pass, in order.</summary>
    private SimulationRefusal? DeadlinePasses(int index, SimulationAction action)
    {
        if (PickTask(index, action, out var first) is { } none) return none;
        var chosen = action.As is not null || action.Step is not null;
        var at = action.At ?? Max(_now, _state.OpenTasks.Where(t => !chosen || t == first).Min(t => t.DueAt));
        foreach (var task in _state.OpenTasks.Where(t => t.DueAt <= at && !t.Overdue && (!chosen || t == first)).ToList())
        {
            if (_state.FindTask(task.TaskId) is null) continue; // closed by an earlier escalation
            if (Execute(index, new DeadlinePassed(task.TaskId, task.DueAt), at) is { } refusal) return refusal;
        }
        return null;
    }

    /// <summary>Time jumps to the earliest pending escalation level; every level due by then happens, task by task, in order.</summary>
    private SimulationRefusal? EscalationsHappen(int index, SimulationAction action)
    {
        static IEnumerable<EscalationTime> Pending(OpenTask t) => (t.Escalations ?? []).Where(e => e.Level >= t.EscalationsDone);
        var candidates = _state.OpenTasks.Where(t => action.As is null || t.Assignee.UserId == action.As || t.Assignee.Role == action.As).ToList();
        var next = candidates.SelectMany(Pending).Select(e => e.At).DefaultIfEmpty().Min();
        if (next == default)
        {
            return Refuse(index, SimulationErrors.NoOpenTask, "Không việc nào đang mở ở bước “{0}” còn cấp nhắc chưa đến.", Named.Step(_state.CurrentStep ?? ""));
        }
        var at = action.At ?? Max(_now, next);
        foreach (var task in candidates)
        {
            if (_state.FindTask(task.TaskId) is not { } open) continue; // closed by an earlier level's action
            var due = Pending(open).Where(e => e.At <= at).Select(e => e.Level).DefaultIfEmpty(-1).Max();
            if (due < 0) continue;
            if (Execute(index, new Escalate(open.TaskId, due, open.DueAt), at) is { } refusal) return refusal;
        }
        return null;
    }

    private SimulationRefusal? Vote(int index, SimulationAction action)
    {
        if (_state.ActiveVote() is not { } vote) return Refuse(index, SimulationErrors.NotAVote, "Hồ sơ đang ở bước “{0}”, không phải bước bỏ phiếu.", Named.Step(_state.CurrentPath() ?? ""));
        var (step, progress) = vote;
        var opened = _state.OpenTasks.Count > 0 ? _recorder.OpenedAt(_state.OpenTasks[0].TaskId) : _now;
        if (Time(index, action, Max(_now, opened), out var at) is { } bad) return bad;
        if (Ballots(action, progress) is not { } ballots) return Refuse(index, SimulationErrors.TooManyVotes, "Nhiều phiếu hơn số {0} thành viên chưa bỏ phiếu.", progress.Members.Count - progress.VotedCount);
        foreach (var (member, choice) in ballots)
        {
            if (Execute(index, new CastVote(step, Actor.User(member), choice, action.Comment), at) is { } refusal) return refusal;
        }
        return null;
    }

    /// <summary>Explicit ballots as given, or counts handed to members yet to vote in rank order: yes, no, abstain, recuse.</summary>
    private static List<(string, VoteChoice)>? Ballots(SimulationAction action, VoteProgress progress)
    {
        if (action.Ballots is { } explicitBallots) return [.. explicitBallots.Select(kv => (kv.Key, kv.Value))];
        var counts = action.Votes ?? new VoteCounts();
        var pending = progress.Members.Where(m => !progress.HasVoted(m)).ToList();
        var choices = Enumerable.Repeat(VoteChoice.Yes, counts.Yes).Concat(Enumerable.Repeat(VoteChoice.No, counts.No))
            .Concat(Enumerable.Repeat(VoteChoice.Abstain, counts.Abstain)).Concat(Enumerable.Repeat(VoteChoice.Recuse, counts.Recuse)).ToList();
        return choices.Count > pending.Count ? null : [.. pending.Zip(choices)];
    }

    private SimulationRefusal? PickTask(int index, SimulationAction action, out OpenTask task)
    {
        task = _state.OpenTasks.FirstOrDefault(t => (action.As is null || t.Assignee.UserId == action.As || t.Assignee.Role == action.As)
                                                    && (action.Step is null || IsAtStep(t.StepKey, action.Step)))!;
        if (task is not null) return null;
        var at = Named.Step(_state.CurrentPath() ?? "");
        var act = Named.Action(_state.CurrentStep, action.Action);
        // "as" is a user id or a role code: the reader sees the person's or the role's name.
        var who = action.As is null ? null : Guid.TryParse(action.As, out _) ? Named.User(action.As) : Named.Role(action.As);
        return (who, action.Step) switch
        {
            (null, null) => Refuse(index, SimulationErrors.NoOpenTask, "Không có việc nào đang mở ở bước “{0}” cho thao tác “{1}”.", at, act),
            ({ } person, null) => Refuse(index, SimulationErrors.NoOpenTask, "Không có việc nào của “{2}” đang mở ở bước “{0}” cho thao tác “{1}”.", at, act, person),
            (null, { } step) => Refuse(index, SimulationErrors.NoOpenTask, "Không có việc nào đang mở ở bước “{0}” (bước con “{2}”) cho thao tác “{1}”.", at, act, step),
            ({ } person, { } step) => Refuse(index, SimulationErrors.NoOpenTask, "Không có việc nào của “{2}” đang mở ở bước “{0}” (bước con “{3}”) cho thao tác “{1}”.", at, act, person, step),
        };
    }

    /// <summary>The task's step key is the step named, or ends with it after a separator (<c>inspectorate</c> for <c>joint-check/inspectorate</c>).</summary>
    private static bool IsAtStep(string stepKey, string step) =>
        stepKey == step || (stepKey.EndsWith(step, StringComparison.Ordinal) && stepKey.Length > step.Length && stepKey[^(step.Length + 1)] == StepPaths.Separator);

    /// <summary>A person who holds the task: the member, or someone with the role in the task's unit.</summary>
    private static Actor ActorFor(Assignee assignee) => assignee.UserId is { } user
        ? Actor.User(user)
        : new Actor($"{assignee.Role}@{assignee.UnitId}", new HashSet<string> { assignee.Role! }, assignee.UnitId);

    private SimulationRefusal? Time(int index, SimulationAction action, DateTimeOffset from, out DateTimeOffset at)
    {
        at = action.At ?? context.Calendar.AddWorkingHours(from, action.DelayWorkingHours ?? scenario.DelayWorkingHours);
        return at < _now ? TimeGoesBack(index, at) : null;
    }

    private SimulationRefusal? Execute(int index, WorkflowCommand command, DateTimeOffset at)
    {
        if (at < _now) return TimeGoesBack(index, at);
        var result = WorkflowRuntime.Execute(definition, _state, command, context with { Now = at });
        if (!result.Succeeded) return Refuse(index, result.Error!.Code, result.Error.Template, result.Error.Args);
        _now = at;
        _state = result.State;
        _recorder.Record(index, at, result.Effects);
        return null;
    }

    private SimulationRefusal TimeGoesBack(int index, DateTimeOffset at) => Refuse(index, SimulationErrors.TimeGoesBack,
        "Thời điểm {0} ở trước thời điểm hiện tại của mô phỏng ({1}).", EngineText.Time(at, context.Calendar.UtcOffset), EngineText.Time(_now, context.Calendar.UtcOffset));

    private SimulationRefusal Refuse(int index, string code, string template, params object?[] args) => new(index, _state.CurrentStep, code, template, args);

    private SimulationResult Stop(int? index, string code, string template, params object?[] args) =>
        _recorder.Result(_state, new SimulationRefusal(index, _state.CurrentStep ?? definition.Start, code, template, args));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
