namespace Commendations.Persistence;

/// <summary>
/// The bookkeeping Npgsql's auto-prepare keeps per server connection, for <see cref="StatementPreparer"/>: how often each
/// SQL text has run on it, and what it has prepared. A text is prepared on its <see cref="UsagesBeforePrepare"/>th run;
/// a connection holds at most about <see cref="MaxPrepared"/> statements (as with <c>Max Auto Prepare=100</c>): past that
/// it drops them all and prepares again what is still used (explicit statements cannot be evicted one by one).
/// A connection is used by one operation at a time; the lock only guards against a stale entry shared after a
/// process id was reused.
/// </summary>
public sealed class ConnectionStatements
{
    public const int UsagesBeforePrepare = 2;
    public const int MaxPrepared = 100;

    // SQL seen fewer times than the threshold; forgotten all at once when this many pile up (one-off SQL).
    private const int MaxCandidates = 200;

    private readonly Dictionary<string, int> _candidates = [];
    private readonly HashSet<string> _prepared = [];
    private int _preparedStatements;

    public enum Step
    {
        RunAsIs,
        Prepare,
        DropAllThenPrepare,
    }

    public Step Next(string sql)
    {
        lock (_prepared)
        {
            if (_prepared.Contains(sql))
                return Step.Prepare; // already there: Npgsql finds it and sends nothing
            _candidates.TryGetValue(sql, out var usages);
            if (++usages < UsagesBeforePrepare)
            {
                if (_candidates.Count >= MaxCandidates)
                    _candidates.Clear();
                _candidates[sql] = usages;
                return Step.RunAsIs;
            }
            return _preparedStatements + StatementsIn(sql) > MaxPrepared ? Step.DropAllThenPrepare : Step.Prepare;
        }
    }

    /// <summary>
    /// The step for a batch of single statements (<see cref="RowWriter"/>): each is counted as if run alone, and the batch
    /// is prepared as soon as one of them should be (Npgsql skips those already prepared).
    /// </summary>
    public Step Next(IReadOnlyList<string> statements)
    {
        var step = Step.RunAsIs;
        foreach (var sql in statements)
        {
            var next = Next(sql);
            if (next > step)
                step = next;
        }
        return step;
    }

    public void Prepared(string sql)
    {
        lock (_prepared)
        {
            _candidates.Remove(sql);
            if (_prepared.Add(sql))
                _preparedStatements += StatementsIn(sql);
        }
    }

    public void DroppedAll()
    {
        lock (_prepared)
        {
            _prepared.Clear();
            _preparedStatements = 0;
        }
    }

    // EF ends each statement of a SaveChanges batch with ';'. A ';' inside a literal only errs on the safe side.
    private static int StatementsIn(string sql) => Math.Max(1, sql.AsSpan().TrimEnd().Count(';'));
}
