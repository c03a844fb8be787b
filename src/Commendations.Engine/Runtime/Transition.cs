namespace Commendations.Engine;

/// <summary>One transition in progress: a mutable working copy of the state, discarded when the command is refused.</summary>
internal sealed partial class Transition
{
    private readonly WorkflowDefinition _definition;
    private readonly InstanceState _state;
    private readonly RuntimeContext _context;
    private readonly List<OpenTask> _tasks;
    private readonly List<HistoryEntry> _history = new(4);
    private readonly List<WorkflowEffect> _effects = new(6);
    private string? _current;
    private int _round;
    private int _counter;
    private InstanceStatus _status;
    private EndResult? _result;
    private StepProgress? _progress;
    private DateTimeOffset? _waitUntil;
    private VoteResult? _lastVote;
    private IReadOnlyDictionary<string, System.Text.Json.JsonElement>? _outputs;

    public Transition(WorkflowDefinition definition, InstanceState state, RuntimeContext context)
    {
        _definition = definition;
        _state = state;
        _context = context;
        _tasks = new List<OpenTask>(state.OpenTasks.Count + 1);
        _tasks.AddRange(state.OpenTasks);
        _current = state.CurrentStep;
        _round = state.Round;
        _counter = state.TaskCounter;
        _status = state.Status;
        _result = state.Result;
        _progress = state.Progress;
        _waitUntil = state.WaitUntil;
        _lastVote = state.LastVote;
        _outputs = state.Outputs;
    }

    private DateTimeOffset Now => _context.Now;

    public TransitionResult Complete()
    {
        var history = new HistoryEntry[_state.History.Count + _history.Count];
        for (var i = 0; i < _state.History.Count; i++) history[i] = _state.History[i];
        _history.CopyTo(history, _state.History.Count);
        var state = new InstanceState
        {
            DefinitionId = _state.DefinitionId,
            DefinitionVersion = _state.DefinitionVersion,
            Status = _status,
            CurrentStep = _current,
            Round = _round,
            Result = _result,
            OpenTasks = _tasks.Count == 0 ? [] : _tasks.ToArray(),
            Progress = _progress,
            WaitUntil = _waitUntil,
            History = history,
            TaskCounter = _counter,
            LastVote = _lastVote,
            Outputs = _outputs,
        };
        return new TransitionResult(true, state, _effects, null);
    }

    private void Record(HistoryEvent @event, string? stepKey, string? outcome = null, string? actor = null, string? comment = null, string? taskId = null) =>
        _history.Add(new HistoryEntry(Now, _round, @event, stepKey, outcome, actor, comment, taskId));

    private static RuntimeError Error(string code, string template, params object?[] args) => new(code, template, args);

    /// <summary>Enters a step and runs automatic steps (branch, end) until a step waits for someone or something.</summary>
    public RuntimeError? Enter(string key)
    {
        for (var hops = 0; hops < 1000; hops++)
        {
            var step = _definition.FindStep(key);
            if (step is null) return Error(RuntimeErrors.UnknownStep, "Bước “{0}” không có trong quy trình.", Named.Step(key));
            _current = key;
            _progress = null;
            _waitUntil = null;
            _effects.Add(new StepEntered(key, _round));
            Record(HistoryEvent.StepEntered, key);

            switch (step)
            {
                case EndStep end:
                    _status = InstanceStatus.Completed;
                    _result = end.Result;
                    _effects.Add(new InstanceCompleted(end.Result));
                    Record(HistoryEvent.Completed, key, end.Result.ToString());
                    return null;
                case BranchStep branch:
                    var (target, outcome) = Choose(branch);
                    Record(HistoryEvent.StepLeft, key, outcome);
                    key = target;
                    continue;
                case WaitStep wait:
                    var until = wait.Duration.WorkingDays is { } wd
                        ? _context.Calendar.DueAfterWorkingDays(Now, wd)
                        : _context.Calendar.DueAfterCalendarDays(Now, wait.Duration.CalendarDays ?? 0);
                    _waitUntil = until;
                    _effects.Add(new WaitScheduled(key, until));
                    return null;
                case HumanStep human:
                    return EnterHuman(human);
                case ParallelStep parallel:
                    return EnterParallel(parallel);
                case SubRouteStep subRoute:
                    return EnterSubRoute(subRoute);
                default:
                    return Error(RuntimeErrors.UnknownStep, "Loại của bước “{0}” không được hỗ trợ.", Named.Step(key));
            }
        }
        return Error(RuntimeErrors.Loop, "Các bước tự động chạy vòng mà không đến bước nào phải chờ.");
    }

    private (string Target, string Outcome) Choose(BranchStep branch)
    {
        for (var i = 0; i < branch.Conditions.Count; i++)
        {
            if (ConditionEvaluator.Evaluate(branch.Conditions[i].When, _context.Facts, new RouteData(_round, _lastVote, _outputs)))
            {
                return (branch.Conditions[i].Target, $"condition {i}");
            }
        }
        return (branch.Default, "default");
    }

    private RuntimeError? EnterHuman(HumanStep step)
    {
        var error = ComputeDeadline(step, out var due, out var reminders);
        if (error is not null) return error;
        switch (step)
        {
            case TaskStep task:
                if (!_context.UnitScopes.TryGetValue(task.Assignee.Scope, out var unitId))
                {
                    return Error(RuntimeErrors.UnknownUnitScope, "Chưa cấu hình đơn vị cho phạm vi “{0}”.", Named.Scope(task.Assignee.Scope));
                }
                OpenTask(step, Assignee.RoleInUnit(task.Assignee.Role, unitId), 1, due, reminders);
                return null;
            case SequentialApprovalStep sequential:
                if (Members(sequential.Committee, out var seqMembers) is { } e1) return e1;
                _progress = new SequentialProgress { Members = seqMembers, Index = 0 };
                OpenTask(step, Assignee.User(seqMembers[0]), 1, due, reminders);
                return null;
            case ParallelApprovalStep parallel:
                if (Members(parallel.Committee, out var parMembers) is { } e2) return e2;
                if (parMembers.Count < parallel.Required)
                {
                    return Error(RuntimeErrors.CommitteeTooSmall, "{0} có {1} thành viên nhưng cần {2} phiếu đồng ý.", Named.Committee(parallel.Committee), parMembers.Count, parallel.Required);
                }
                _progress = new ParallelProgress { Members = parMembers, Approvals = [], Rejections = [] };
                for (var i = 0; i < parMembers.Count; i++) OpenTask(step, Assignee.User(parMembers[i]), i + 1, due, reminders);
                return null;
            case VoteStep vote:
                if (Members(vote.Committee, out var voters) is { } e3) return e3;
                _progress = new VoteProgress { Members = voters, Ballots = [] };
                for (var i = 0; i < voters.Count; i++) OpenTask(step, Assignee.User(voters[i]), i + 1, due, reminders);
                return null;
            default:
                return Error(RuntimeErrors.UnknownStep, "Loại của bước “{0}” không được hỗ trợ.", Named.Step(step.Key));
        }
    }

    private RuntimeError? Members(string committee, out IReadOnlyList<string> members)
    {
        if (!_context.Committees.TryGetValue(committee, out members!) || members.Count == 0)
        {
            members = [];
            return Error(RuntimeErrors.UnknownCommittee, "{0} chưa có thành viên.", Named.Committee(committee));
        }
        members = members.ToArray();
        return null;
    }

    private RuntimeError? ComputeDeadline(HumanStep step, out DateTimeOffset due, out IReadOnlyList<DateTimeOffset> reminders) =>
        ComputeTimes(step, out due, out reminders);

    private void OpenTask(HumanStep step, Assignee assignee, int sequence, DateTimeOffset due, IReadOnlyList<DateTimeOffset> reminders)
    {
        _counter++;
        var taskId = string.Concat(step.Key, ":r", _round.ToString(System.Globalization.CultureInfo.InvariantCulture), ":", _counter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (escalateAt, levels, skipped) = EscalationTimes(step, due);
        _tasks.Add(new OpenTask(taskId, step.Key, assignee, sequence, due, reminders, escalateAt)
        {
            Escalations = levels,
            EscalationsDone = skipped,
            OpenedAt = Now,
            OnReentry = step.Deadline?.OnReentry is not null && EnteredBefore(step.Key),
        });
        _effects.Add(new TaskOpened(taskId, step.Key, assignee, sequence, due, reminders, escalateAt) { Escalations = levels, PastAtEntry = due <= Now });
        _effects.Add(new DeadlineScheduled(taskId, due, reminders, escalateAt) { Escalations = levels });
        if (due <= Now) Record(HistoryEvent.DeadlinePastAtEntry, step.Key, null, null, null, taskId);
    }

    private void CloseTask(int index, string outcome, string? actorUserId)
    {
        var task = _tasks[index];
        _tasks.RemoveAt(index);
        _effects.Add(new TaskClosed(task.TaskId, outcome, actorUserId));
        _effects.Add(new DeadlineCancelled(task.TaskId));
    }

    /// <summary>Leaves the current step with an outcome: closes its remaining tasks, then enters the target.</summary>
    private RuntimeError? Leave(string outcome, string target, bool returnsForSupplement, string? actorUserId)
    {
        for (var i = 0; i < _tasks.Count;)
        {
            if (StepPaths.IsWithin(_tasks[i].StepKey, _current)) CloseTask(i, "cancelled", null);
            else i++;
        }
        Record(HistoryEvent.StepLeft, _current, outcome, actorUserId);
        if (returnsForSupplement) _round++;
        return Enter(target);
    }

    private int IndexOfTask(string taskId)
    {
        for (var i = 0; i < _tasks.Count; i++)
        {
            if (string.Equals(_tasks[i].TaskId, taskId, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    /// <summary>task-closed for an id this instance issued (<c>{step}:r{round}:{n}</c>, n ≤ counter), unknown-task otherwise.</summary>
    private RuntimeError MissingTask(string taskId)
    {
        var parts = taskId.Split(':');
        var issued = parts.Length == 3
            && IssuesTasks(parts[0])
            && parts[1].StartsWith('r')
            && int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n >= 1 && n <= _counter;
        return issued
            ? Error(RuntimeErrors.TaskClosed, "Việc này đã được xử lý.")
            : Error(RuntimeErrors.UnknownTask, "Không tìm thấy việc cần xử lý này.");
    }
}
