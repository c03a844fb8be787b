using System.Globalization;

namespace Commendations.Engine;

/// <summary>
/// The working calendar changed: open tasks' due times, reminders and escalation levels, and a running wait, computed
/// again (<see cref="RecomputeDeadlines"/>). The engine stays the one place that knows how a due time is counted.
/// </summary>
internal sealed partial class Transition
{
    /// <summary>
    /// Inside a sub-route the callee's state keeps no history: where a step of it was entered is asked of the caller
    /// (its history holds the callee's lines with their prefixed keys).
    /// </summary>
    private Func<string, DateTimeOffset?>? _enteredAtOuter;

    public RuntimeError? RecomputeDeadlines(RecomputeDeadlines command)
    {
        // A sub-route's tasks are the callee's: recompute them there (Absorb updates this level's copies).
        if (_current is { } current && _progress is SubRouteProgress && StepAt(current) is SubRouteStep subRoute)
        {
            var prefix = string.Concat(current, StepPaths.SeparatorText);
            var inner = command.OpenedAt is { } all
                ? all.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(e => e.Key[prefix.Length..], e => e.Value, StringComparer.Ordinal)
                : null;
            var error = RouteToSubRoute(subRoute, null, callee =>
            {
                callee._enteredAtOuter = key => EnteredAtPath(prefix + key);
                return callee.RecomputeDeadlines(new RecomputeDeadlines { OpenedAt = inner });
            });
            if (error is not null) return error;
        }

        for (var i = 0; i < _tasks.Count; i++)
        {
            if (SubRouteOf(_tasks[i].TaskId) is not null) continue;
            if (RecomputeTask(i, command) is { } error) return error;
        }

        if (_waitUntil is { } until && until > Now && _current is { } waitKey && _definition.FindStep(waitKey) is WaitStep wait
            && EnteredAtPath(waitKey) is { } startedAt)
        {
            var recomputed = wait.Duration.WorkingDays is { } wd
                ? _context.Calendar.DueAfterWorkingDays(startedAt, wd)
                : _context.Calendar.DueAfterCalendarDays(startedAt, wait.Duration.CalendarDays ?? 0);
            if (recomputed != until)
            {
                _waitUntil = recomputed;
                _effects.Add(new WaitScheduled(waitKey, recomputed));
            }
        }
        return null;
    }

    private RuntimeError? RecomputeTask(int index, RecomputeDeadlines command)
    {
        var task = _tasks[index];
        // A deadline that has come is history: the assignee was (or is being) told it is overdue.
        if (task.Overdue || task.DueAt <= Now) return null;
        if (HumanStepOf(task.StepKey) is not { } step) return null;
        DateTimeOffset openedAt;
        bool reentry;
        if (task.OpenedAt is { } recorded)
        {
            (openedAt, reentry) = (recorded, task.OnReentry);
        }
        else if (command.OpenedAt?.TryGetValue(task.TaskId, out var given) == true)
        {
            // A state written before tasks kept their opening: the stay at the step is the same one it opened in.
            (openedAt, reentry) = (given, EnteredBefore(step.Key));
        }
        else
        {
            return null;
        }

        var (policy, _) = PolicyOf(step, reentry);
        if (DueOf(step, policy, openedAt, out var due) is { } error) return error;
        // Only a deadline still to come moves; one that would now be past fires at once (its trigger is already due).
        var reminders = ReminderTimes(step, due);
        var (escalateAt, levels, done) = RecomputedLevels(step, task, due);
        if (due == task.DueAt && reminders.SequenceEqual(task.ReminderTimes) && escalateAt == task.EscalateAt
            && done == task.EscalationsDone && SameLevels(levels, task.Escalations))
        {
            return null;
        }

        _tasks[index] = task with
        {
            DueAt = due,
            ReminderTimes = reminders,
            EscalateAt = escalateAt,
            Escalations = levels,
            EscalationsDone = done,
            OpenedAt = openedAt,
            OnReentry = reentry,
        };
        // The schedule carries the levels still to come: those done need no row and no trigger.
        IReadOnlyList<EscalationTime>? pending = levels?.Where(l => l.Level >= done).ToList();
        _effects.Add(new DeadlineRecomputed(task.TaskId, task.StepKey, task.DueAt, due, reminders, escalateAt) { Escalations = pending });
        _effects.Add(new DeadlineScheduled(task.TaskId, due, reminders, escalateAt) { Escalations = pending });
        if (due != task.DueAt)
        {
            var data = TaskData(_tasks[index], null);
            data["previousDueAt"] = task.DueAt.ToString("O", CultureInfo.InvariantCulture);
            _effects.Add(new NotificationRequested(Recipient.From(task.Assignee), "deadline-moved", data));
            _history.Add(new HistoryEntry(Now, _round, HistoryEvent.DeadlineMoved, task.StepKey, null, Actor.SystemUserId, null, task.TaskId)
            {
                PreviousDueAt = task.DueAt,
                DueAt = due,
            });
        }
        return null;
    }

    /// <summary>
    /// The escalation levels of a task now due at <paramref name="due"/>: levels done stay done (with the instant they
    /// had); the others are placed from the new due time, and those before it already past now are skipped, as at opening.
    /// </summary>
    private (DateTimeOffset? EscalateAt, IReadOnlyList<EscalationTime>? Levels, int Done) RecomputedLevels(HumanStep step, OpenTask task, DateTimeOffset due)
    {
        if (step.Escalations is null)
        {
            if (step.Escalation is not { } single) return (null, null, task.EscalationsDone);
            if (single.AfterWorkingDays is null && single.BeforeWorkingDays is null) return (due, null, task.EscalationsDone);
        }
        var levels = step.EscalationLevels();
        var times = new List<EscalationTime>(levels.Count);
        var done = task.EscalationsDone;
        var pending = false;
        for (var i = 0; i < levels.Count; i++)
        {
            if (i < task.EscalationsDone)
            {
                if (task.Escalations?.FirstOrDefault(t => t.Level == i) is { } kept) times.Add(kept);
                continue;
            }
            var at = _context.Calendar.ShiftWorkingDays(due, levels[i].OffsetWorkingDays());
            if (!pending && at <= Now && at < due)
            {
                done = i + 1;
                continue;
            }
            pending = true;
            times.Add(new EscalationTime(i, at));
        }
        return (times.Count > 0 ? times[0].At : null, times, done);
    }

    private static bool SameLevels(IReadOnlyList<EscalationTime>? a, IReadOnlyList<EscalationTime>? b) =>
        (a is null || a.Count == 0) && (b is null || b.Count == 0) || a is not null && b is not null && a.SequenceEqual(b);

    /// <summary>When the current stay at the step with this key (a path below a sub-route) began, from the history that holds it.</summary>
    private DateTimeOffset? EnteredAtPath(string key)
    {
        if (_enteredAtOuter is { } outer) return outer(key);
        for (var i = _state.History.Count - 1; i >= 0; i--)
        {
            var entry = _state.History[i];
            if (entry.Event == HistoryEvent.StepEntered && entry.StepKey == key) return entry.At;
        }
        return null;
    }
}
