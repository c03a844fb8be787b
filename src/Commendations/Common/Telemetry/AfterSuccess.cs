namespace Commendations.Common.Telemetry;

/// <summary>
/// Measurements a use case takes only once it has succeeded — committed, for a command — so a refused or rolled-back action
/// is never counted. <see cref="Behaviours.TracingBehaviour{TRequest,TResponse}"/> enters and leaves each use case: one that
/// fails drops what it (and the use cases it sent) recorded; the outermost one that succeeds runs what is left. A use case
/// sent from inside another is committed by then, by its own transaction or by the outer one's.
/// </summary>
public sealed class AfterSuccess
{
    private readonly List<Action> _pending = [];
    private readonly Stack<int> _starts = new();

    internal void Enter() => _starts.Push(_pending.Count);

    internal void Leave(bool succeeded)
    {
        var start = _starts.Pop();
        if (!succeeded)
            _pending.RemoveRange(start, _pending.Count - start);
        if (_starts.Count > 0)
            return;
        var measures = _pending.ToList();
        _pending.Clear();
        foreach (var measure in measures)
            measure();
    }

    public void Add(Action measure)
    {
        if (_starts.Count == 0)
            measure(); // outside a use case there is nothing to wait for
        else
            _pending.Add(measure);
    }
}
