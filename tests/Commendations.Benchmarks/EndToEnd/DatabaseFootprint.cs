using Npgsql;

namespace Commendations.Benchmarks.EndToEnd;

/// <summary>One table's exact row count and its size with indexes and TOAST (<c>pg_total_relation_size</c>).</summary>
public sealed record TableSize(string Table, long Rows, long Bytes)
{
    public double BytesPerRow => Rows > 0 ? (double)Bytes / Rows : double.NaN;
}

/// <summary>
/// What a database holds and has written, read at one instant: every table of the app's schema (rows, bytes), the WAL
/// written and flushed so far (<c>pg_stat_wal</c>), and the tasks closed. Two snapshots subtracted give what a phase
/// (nominations submitted, approvals made) added per unit of work — the figures the capacity model scales up.
/// </summary>
public sealed record DatabaseFootprint(IReadOnlyDictionary<string, TableSize> Tables, long WalBytes, long WalSyncs, long ClosedTasks, long DatabaseBytes)
{
    public static async Task<DatabaseFootprint> TakeAsync(BenchCluster cluster, string database)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString(database, pooling: false));
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand(
                         "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                names.Add(reader.GetString(0));
        }
        var tables = new Dictionary<string, TableSize>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            // Exact counts: the tables here hold at most some hundred thousand rows, and estimates lag right after a load.
            await using var count = new NpgsqlCommand($"SELECT count(*), pg_total_relation_size('public.\"{name}\"') FROM public.\"{name}\"", connection);
            await using var reader = await count.ExecuteReaderAsync();
            await reader.ReadAsync();
            tables[name] = new TableSize(name, reader.GetInt64(0), reader.GetInt64(1));
        }
        await using var wal = new NpgsqlCommand(
            "SELECT wal_bytes::bigint, wal_sync, (SELECT count(*) FROM workflow_tasks WHERE status <> 'Open'), pg_database_size(current_database()) FROM pg_stat_wal",
            connection);
        await using var walReader = await wal.ExecuteReaderAsync();
        await walReader.ReadAsync();
        return new DatabaseFootprint(tables, walReader.GetInt64(0), walReader.GetInt64(1), walReader.GetInt64(2), walReader.GetInt64(3));
    }

    /// <summary>Rows and bytes added per table since <paramref name="before"/>, largest growth first.</summary>
    public IReadOnlyList<TableSize> GrowthSince(DatabaseFootprint before) => Tables.Values
        .Select(t => before.Tables.TryGetValue(t.Table, out var b) ? t with { Rows = t.Rows - b.Rows, Bytes = t.Bytes - b.Bytes } : t)
        .Where(t => t.Rows != 0 || t.Bytes != 0)
        .OrderByDescending(t => t.Bytes)
        .ToList();
}
