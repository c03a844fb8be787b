namespace Commendations.Engine;

/// <summary>Migration entry points; the rules are on <see cref="InstanceMigrator"/>.</summary>
internal sealed partial class Transition
{
    /// <summary>Closes the old version's tasks and continues at <paramref name="target"/> of this transition's (new) definition.</summary>
    public RuntimeError? Migrate(WorkflowDefinition from, int fromVersion, string target, string? actorUserId, string? comment)
    {
        if (KeepsSubRoute(from, target)) return KeepSubRoute(fromVersion, target, actorUserId, comment);
        var fromKey = _current;
        var oldStep = fromKey is null ? null : from.FindStep(fromKey);
        var oldProgress = _progress;
        while (_tasks.Count > 0) CloseTask(0, "migrated", actorUserId);
        Record(HistoryEvent.StepLeft, fromKey, "migrated", actorUserId);
        _history.Add(new HistoryEntry(Now, _round, HistoryEvent.Migrated, target, "migrated", actorUserId, comment)
        {
            FromVersion = fromVersion,
            ToVersion = _definition.Version,
            FromStep = fromKey,
        });

        var newStep = _definition.FindStep(target);
        if (oldStep is SequentialApprovalStep before && newStep is SequentialApprovalStep after
            && before.Committee == after.Committee && oldProgress is SequentialProgress progress)
        {
            return ContinueSequential(after, progress.Members.Take(progress.Index).ToList());
        }
        if (oldStep is WaitStep && newStep is WaitStep wait && EnteredAt(fromKey!) is { } startedAt)
        {
            return ContinueWait(wait, startedAt);
        }
        if (oldStep is ParallelStep oldFork && newStep is ParallelStep fork && oldProgress is BranchesProgress branches)
        {
            return ContinueParallel(oldFork, fork, branches);
        }
        return Enter(target);
    }

    private RuntimeError? ContinueSequential(SequentialApprovalStep step, List<string> approved)
    {
        if (Members(step.Committee, out var members) is { } error) return error;
        EnterQuietly(step.Key);
        var kept = approved.Where(members.Contains).ToList();
        var remaining = members.Where(m => !approved.Contains(m)).ToList();
        if (remaining.Count == 0) return Leave("approved", step.Transitions.Approved, false, null);

        // Members lists the acting order: those whose approval stands, then the rest in current rank order.
        _progress = new SequentialProgress { Members = [.. kept, .. remaining], Index = kept.Count };
        if (ComputeDeadline(step, out var due, out var reminders) is { } deadlineError) return deadlineError;
        OpenTask(step, Assignee.User(remaining[0]), kept.Count + 1, due, reminders);
        return null;
    }

    private RuntimeError? ContinueWait(WaitStep wait, DateTimeOffset startedAt)
    {
        EnterQuietly(wait.Key);
        var until = wait.Duration.WorkingDays is { } wd
            ? _context.Calendar.DueAfterWorkingDays(startedAt, wd)
            : _context.Calendar.DueAfterCalendarDays(startedAt, wait.Duration.CalendarDays ?? 0);
        _waitUntil = until;
        _effects.Add(new WaitScheduled(wait.Key, until));
        return null;
    }

    /// <summary>The StepEntered bookkeeping of <see cref="Enter"/> without opening anything.</summary>
    private void EnterQuietly(string key)
    {
        _current = key;
        _progress = null;
        _waitUntil = null;
        _effects.Add(new StepEntered(key, _round));
        Record(HistoryEvent.StepEntered, key);
    }

    private DateTimeOffset? EnteredAt(string key)
    {
        for (var i = _state.History.Count - 1; i >= 0; i--)
        {
            var entry = _state.History[i];
            if (entry.Event == HistoryEvent.StepEntered && entry.StepKey == key) return entry.At;
        }
        return null;
    }
}
