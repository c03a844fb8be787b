using System.Collections.Concurrent;
using System.Diagnostics;

namespace Commendations.Workflow;

/// <summary>
/// Reference data every transition needs (calendar, committees, campaigns, award forms, units), and the account fields every
/// authenticated request checks (users: security stamp, lock), kept in memory per node.
/// PostgreSQL tells each node when one of those tables changes (a statement trigger sends <c>NOTIFY reference_data</c>,
/// delivered only when the change commits; see <see cref="ReferenceDataListener"/>), so a node never keeps data that
/// another node changed. While the listener is not connected nothing is cached, because a change could go unnoticed.
/// Caveat: a command that changed one of these tables and then read it through this cache, then rolled back, would leave
/// its uncommitted value here until the table next changes. No command writes reference data and runs a transition today.
/// </summary>
public sealed class ReferenceDataCache
{
    public const string Channel = "reference_data";

    /// <summary>The tables whose changes are announced (the trigger's payload is the table name).</summary>
    public static readonly IReadOnlyList<string> Tables = ["calendar_days", "committees", "campaigns", "award_forms", "units", "users"];

    private readonly ConcurrentDictionary<string, long> _generations = new();
    private readonly ConcurrentDictionary<(string Table, string Key), (long Generation, long LoadedAt, object Value)> _entries = new();
    private volatile bool _listening;

    /// <summary>True while changes are being heard; values are cached only then.</summary>
    public bool IsListening => _listening;

    /// <param name="maxAge">
    /// Reload a value older than this even if no change was heard: a bound for the one failure the listener cannot see,
    /// a connection that died without an error (no notification arrives, yet the node still believes it is listening).
    /// </param>
    public async Task<T> GetAsync<T>(string table, string key, Func<Task<T>> load, TimeSpan? maxAge = null) where T : notnull
    {
        if (!_listening)
            return await load();
        var generation = _generations.GetOrAdd(table, 0);
        if (_entries.TryGetValue((table, key), out var entry) && entry.Generation == generation
            && (maxAge is not { } age || Stopwatch.GetElapsedTime(entry.LoadedAt) < age))
            return (T)entry.Value;
        var loadedAt = Stopwatch.GetTimestamp();
        var value = await load();
        // A change announced while loading may or may not be in what was read: keep the value only if none was.
        if (_listening && _generations.GetOrAdd(table, 0) == generation)
            _entries[(table, key)] = (generation, loadedAt, value);
        return value;
    }

    public void Invalidate(string table)
    {
        _generations.AddOrUpdate(table, 1, (_, g) => g + 1);
        foreach (var key in _entries.Keys.Where(k => k.Table == table))
            _entries.TryRemove(key, out _);
    }

    /// <summary>The listener connected: start from nothing (changes made while it was away were not heard).</summary>
    public void Connected()
    {
        InvalidateAll();
        _listening = true;
    }

    public void Disconnected()
    {
        _listening = false;
        InvalidateAll();
    }

    private void InvalidateAll()
    {
        foreach (var table in Tables)
            Invalidate(table);
    }
}
