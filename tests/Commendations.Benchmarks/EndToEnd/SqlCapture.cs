using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Commendations.Benchmarks.EndToEnd;

/// <summary>Records the SQL (with its parameters) that EF sends while <see cref="Enabled"/>, so it can be EXPLAINed as sent.</summary>
public sealed partial class SqlCapture : DbCommandInterceptor
{
    private readonly List<(string Sql, NpgsqlParameter[] Parameters)> _captured = [];

    public bool Enabled { get; set; }

    public IReadOnlyList<(string Sql, NpgsqlParameter[] Parameters)> Take()
    {
        lock (_captured)
        {
            var result = _captured.ToList();
            _captured.Clear();
            return result;
        }
    }

    private void Record(DbCommand command)
    {
        if (!Enabled)
            return;
        var parameters = command.Parameters.OfType<NpgsqlParameter>().Select(p => p.Clone()).ToArray();
        lock (_captured)
            _captured.Add((command.CommandText, parameters));
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of each captured statement, run with its own parameters.</summary>
    public static async Task<IReadOnlyList<string>> ExplainAsync(string connectionString, IEnumerable<(string Sql, NpgsqlParameter[] Parameters)> statements)
    {
        var plans = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var (sql, parameters) in statements)
        {
            await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
            foreach (var p in parameters)
                command.Parameters.Add(p.Clone());
            var lines = new List<string> { "SQL: " + OneLine(sql) };
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                lines.Add("  " + reader.GetString(0));
            plans.Add(string.Join('\n', lines));
        }
        return plans;
    }

    /// <summary>Sequential scans in a plan on any of <paramref name="bigTables"/>.</summary>
    public static IReadOnlyList<string> SequentialScans(string plan, IReadOnlyCollection<string> bigTables) =>
        SeqScan().Matches(plan).Select(m => m.Groups[1].Value).Where(bigTables.Contains).Distinct().ToList();

    private static string OneLine(string sql) => Whitespace().Replace(sql, " ").Trim();

    [GeneratedRegex(@"Seq Scan on (\w+)")]
    private static partial Regex SeqScan();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
