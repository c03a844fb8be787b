using System.Collections.Concurrent;

namespace Commendations.Persistence;

/// <summary>
/// Which SQL texts get a server-side prepared statement: a text once it has run <see cref="UsagesBeforePrepare"/> times in
/// this process, until <see cref="MaxStatements"/> statements are chosen (a SaveChanges batch counts as each of its
/// statements). The app's SQL comes from a fixed set of EF queries, so the hot ones are chosen early and stay; the bound
/// is what Npgsql's auto-prepare had (<c>Max Auto Prepare=100</c>), the server-side statements one connection may hold.
/// </summary>
public sealed class HotStatements
{
    public const int UsagesBeforePrepare = 2;
    public const int MaxStatements = 100;

    // Texts seen fewer times than the threshold; forgotten all at once when this many pile up (one-off SQL).
    private const int MaxCandidates = 2_000;

    private readonly ConcurrentDictionary<string, int> _candidates = new();
    private readonly ConcurrentDictionary<string, byte> _chosen = new();
    private int _chosenStatements;

    public int ChosenStatements => Volatile.Read(ref _chosenStatements);

    public bool ShouldPrepare(string sql)
    {
        if (_chosen.ContainsKey(sql))
            return true;
        if (ChosenStatements >= MaxStatements)
            return false;
        if (_candidates.Count >= MaxCandidates)
            _candidates.Clear();
        if (_candidates.AddOrUpdate(sql, 1, (_, usages) => usages + 1) < UsagesBeforePrepare)
            return false;

        var statements = CountStatements(sql);
        if (Interlocked.Add(ref _chosenStatements, statements) > MaxStatements || !_chosen.TryAdd(sql, 0))
        {
            Interlocked.Add(ref _chosenStatements, -statements);
            return _chosen.ContainsKey(sql);
        }
        _candidates.TryRemove(sql, out _);
        return true;
    }

    // EF ends each statement of a batch with ';'. A ';' inside a literal only makes the count err on the safe side.
    private static int CountStatements(string sql) => Math.Max(1, sql.AsSpan().TrimEnd().Count(';'));
}
