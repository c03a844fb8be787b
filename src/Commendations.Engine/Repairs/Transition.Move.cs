namespace Commendations.Engine;

/// <summary>The move repair; the rules are on <see cref="InstanceMover"/>.</summary>
internal sealed partial class Transition
{
    /// <summary>Closes every open task of the instance and enters <paramref name="target"/> afresh.</summary>
    public RuntimeError? Move(string target, string? actorUserId, string? reason)
    {
        var fromKey = _current;
        while (_tasks.Count > 0) CloseTask(0, InstanceMover.MovedOutcome, actorUserId);
        Record(HistoryEvent.StepLeft, fromKey, InstanceMover.MovedOutcome, actorUserId);
        _history.Add(new HistoryEntry(Now, _round, HistoryEvent.Moved, target, InstanceMover.MovedOutcome, actorUserId, reason) { FromStep = fromKey });
        return Enter(target);
    }
}
