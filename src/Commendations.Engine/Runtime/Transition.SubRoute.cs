namespace Commendations.Engine;

/// <summary>
/// Sub-routes (<see cref="SubRouteStep"/>): the callee runs as a nested transition over its own state, kept in the
/// caller's <see cref="SubRouteProgress"/>. Its effects, history lines and open tasks come out of the caller's transition
/// with ids and step keys prefixed by the calling step's key; its task counter is the caller's, so ids stay unique
/// across rounds. When the callee completes, its result takes the caller's matching transition.
/// </summary>
internal sealed partial class Transition
{
    /// <summary>Sub-routes calling sub-routes: a guard against call cycles the validation could not see (pinned versions).</summary>
    private const int MaxSubRouteDepth = 8;

    private int _depth;

    private RuntimeError? EnterSubRoute(SubRouteStep step)
    {
        var callee = step.Version is { } version ? _context.Callees.Find(step.Definition, version) : _context.Callees.Latest(step.Definition);
        if (callee is null)
        {
            return step.Version is { } v
                ? Error(RuntimeErrors.UnknownCallee, "Bước “{0}” gọi quy trình {1} phiên bản {2}, nhưng phiên bản đó không có.", Named.Step(step.Key), Named.Definition(step.Definition), v)
                : Error(RuntimeErrors.UnknownCallee, "Bước “{0}” gọi quy trình {1}, nhưng quy trình này chưa có phiên bản được ban hành.", Named.Step(step.Key), Named.Definition(step.Definition));
        }
        if (_depth >= MaxSubRouteDepth)
        {
            return Error(RuntimeErrors.Loop, "Các quy trình con lồng nhau quá {0} cấp tại bước “{1}” (gọi vòng?).", MaxSubRouteDepth, Named.Step(step.Key));
        }
        var initial = new InstanceState
        {
            DefinitionId = callee.Id,
            DefinitionVersion = callee.Version,
            Status = InstanceStatus.Running,
            Round = _round,
            TaskCounter = _counter,
        };
        var inner = Nested(callee, initial);
        return Within(step, inner.Enter(callee.Start)) ?? Absorb(step, inner);
    }

    private Transition Nested(WorkflowDefinition callee, InstanceState state) => new(callee, state, _context) { _depth = _depth + 1 };

    /// <summary>The sub-route step a nested key or task id (<c>{step}/...</c>) lies in, or null for anything else.</summary>
    private SubRouteStep? SubRouteOf(string keyOrTaskId)
    {
        var slash = keyOrTaskId.IndexOf(StepPaths.Separator, StringComparison.Ordinal);
        return slash < 0 ? null : StepAt(keyOrTaskId.AsSpan(0, slash)) as SubRouteStep;
    }

    /// <summary>The key or task id inside the callee: <c>discipline-check/complaint-check:r1:4</c> → <c>complaint-check:r1:4</c>.</summary>
    private static string Inner(string path) => path[(path.IndexOf(StepPaths.Separator, StringComparison.Ordinal) + 1)..];

    /// <summary>Runs a command on the callee of the current sub-route step; refused when that step is not current.</summary>
    private RuntimeError? RouteToSubRoute(SubRouteStep step, string? taskId, Func<Transition, RuntimeError?> command)
    {
        if (_current != step.Key || _progress is not SubRouteProgress progress)
        {
            return taskId is not null ? MissingTask(taskId) : Error(RuntimeErrors.NotCurrentStep, "Hồ sơ không ở bước “{0}”.", Named.Step(step.Key));
        }
        if (_context.Callees.Find(progress.DefinitionId, progress.Version) is not { } callee)
        {
            return Error(RuntimeErrors.UnknownCallee, "Bước “{0}” đang chạy quy trình {1} phiên bản {2}, nhưng phiên bản đó không có.", Named.Step(step.Key), Named.Definition(progress.DefinitionId), progress.Version);
        }
        var inner = Nested(callee, progress.State);
        return Within(step, command(inner)) ?? Absorb(step, inner);
    }

    /// <summary>A refusal from inside the callee names its steps by their path from the caller (<c>{step}/{inner}</c>).</summary>
    private static RuntimeError? Within(SubRouteStep step, RuntimeError? inner) => inner is null ? null : inner with
    {
        Args = [.. inner.Args.Select(a => a switch
        {
            Named { Kind: NameKind.Step } n => n with { Value = step.Key + StepPaths.SeparatorText + n.Value },
            Named { Kind: NameKind.Action, StepKey: { } key } n => n with { StepKey = step.Key + StepPaths.SeparatorText + key },
            _ => a,
        })],
    };

    /// <summary>Takes the callee's transition into this one; leaves the step when the callee completed.</summary>
    private RuntimeError? Absorb(SubRouteStep step, Transition inner)
    {
        var result = inner.Complete();
        var state = result.State;
        var prefix = string.Concat(step.Key, StepPaths.SeparatorText);
        // The caller's copies of the callee's open tasks follow the callee's effects (opened, closed) ...
        foreach (var effect in result.Effects)
        {
            if (Prefixed(effect, prefix) is not { } outer) continue;
            _effects.Add(outer);
            if (outer is TaskOpened opened)
            {
                _tasks.Add(new OpenTask(opened.TaskId, opened.StepKey, opened.Assignee, opened.Sequence, opened.DueAt, opened.ReminderTimes, opened.EscalateAt));
            }
            else if (outer is TaskClosed closed && IndexOfTask(closed.TaskId) is var index and >= 0)
            {
                _tasks.RemoveAt(index);
            }
            else if (outer is DeadlineRecomputed moved && IndexOfTask(moved.TaskId) is var at and >= 0)
            {
                _tasks[at] = _tasks[at] with { DueAt = moved.DueAt, ReminderTimes = moved.ReminderTimes, EscalateAt = moved.EscalateAt };
            }
        }
        // ... and their overdue marks, which no effect carries.
        foreach (var task in state.OpenTasks)
        {
            if (task.Overdue && IndexOfTask(prefix + task.TaskId) is var index and >= 0 && !_tasks[index].Overdue) _tasks[index] = _tasks[index] with { Overdue = true };
        }
        // The callee's state is kept without history, so every line in it is new: it goes into the caller's history.
        foreach (var entry in state.History)
        {
            _history.Add(entry with
            {
                StepKey = entry.StepKey is null ? step.Key : prefix + entry.StepKey,
                TaskId = entry.TaskId is null ? null : prefix + entry.TaskId,
            });
        }
        _counter = Math.Max(_counter, state.TaskCounter);

        if (state.Status == InstanceStatus.Completed)
        {
            var calleeResult = state.Result ?? EndResult.Rejected;
            if (step.TargetFor(calleeResult) is not { } target)
            {
                return Error(RuntimeErrors.UnhandledCalleeResult, "Quy trình {0} đã kết thúc nhưng bước “{1}” không có chuyển tiếp cho kết quả của nó.", Named.Definition(state.DefinitionId), Named.Step(step.Key));
            }
            return Leave(calleeResult.ToString().ToLowerInvariant(), target, false, null);
        }
        _progress = new SubRouteProgress
        {
            Members = [],
            DefinitionId = state.DefinitionId,
            Version = state.DefinitionVersion,
            State = state.History.Count == 0 ? state : state with { History = [] },
        };
        return null;
    }

    /// <summary>The callee's effect as the caller's: task ids and step keys prefixed; its completion is the caller's business.</summary>
    private static WorkflowEffect? Prefixed(WorkflowEffect effect, string prefix) => effect switch
    {
        StepEntered e => e with { StepKey = prefix + e.StepKey },
        TaskOpened e => e with { TaskId = prefix + e.TaskId, StepKey = prefix + e.StepKey },
        TaskClosed e => e with { TaskId = prefix + e.TaskId },
        DeadlineScheduled e => e with { TaskId = prefix + e.TaskId },
        DeadlineCancelled e => e with { TaskId = prefix + e.TaskId },
        DeadlineRecomputed e => e with { TaskId = prefix + e.TaskId, StepKey = prefix + e.StepKey },
        WaitScheduled e => e with { StepKey = prefix + e.StepKey },
        NotificationRequested e => e with { Data = PrefixedData(e.Data, prefix) },
        InstanceCompleted => null,
        _ => effect,
    };

    private static Dictionary<string, string> PrefixedData(IReadOnlyDictionary<string, string> data, string prefix)
    {
        var copy = new Dictionary<string, string>(data, StringComparer.Ordinal);
        foreach (var name in (string[])["taskId", "stepKey"])
        {
            if (copy.TryGetValue(name, out var value)) copy[name] = prefix + value;
        }
        return copy;
    }
}
