using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Commendations.Persistence;

/// <summary>
/// Prepares the hot statements explicitly, in place of Npgsql's auto-prepare (which is off: see
/// <see cref="DatabaseOptions"/>), so PostgreSQL still skips parsing and planning them on every transition.
/// <para>
/// Why not auto-prepare: it prepares a statement inside the very execution that reaches the usage threshold, and Npgsql
/// (10.0.0 to 10.0.3 and its main branch alike) counts the statement as prepared as soon as PostgreSQL answers the Parse,
/// before the row description arrives. When PostgreSQL then refuses the Bind — a NUL byte in a text parameter, a value
/// the planner cannot fold (840 / 0), a cancel or timeout while planning — the statement stays "prepared" with no row
/// description on that pooled connection. Its next execution there is sent as prepared, Npgsql reads its rows as if it
/// returned none, fails with "Received unexpected backend message DataRow" and breaks the connection: another user's
/// ordinary request answers 500.
/// </para>
/// <para>
/// An explicit prepare asks for the description in its own round trip (Parse, Describe, Sync) and records the statement
/// as prepared only with it, so a later refused Bind leaves the statement intact. That round trip happens once per
/// statement and connection; afterwards <see cref="NpgsqlCommand.PrepareAsync"/> finds the statement and sends nothing.
/// Which statements, and how many per connection, follows auto-prepare's settings (<see cref="ConnectionStatements"/>).
/// </para>
/// </summary>
public sealed class StatementPreparer : DbCommandInterceptor
{
    /// <summary>One per process, as the bookkeeping is per server connection whichever context uses it.</summary>
    public static readonly StatementPreparer Instance = new();

    // Past this many server connections tracked (dead ones included), forget them all: the worst that follows is a
    // connection holding up to twice its budget until it next drops its statements.
    private const int MaxConnections = 1_000;

    private readonly ConcurrentDictionary<(string Server, int ProcessId), ConnectionStatements> _connections = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        Prepare(command, eventData, async: false, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await Prepare(command, eventData, async: true, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Prepare(command, eventData, async: false, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await Prepare(command, eventData, async: true, cancellationToken);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Prepare(command, eventData, async: false, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await Prepare(command, eventData, async: true, cancellationToken);
        return result;
    }

    private async Task Prepare(DbCommand command, CommandEventData eventData, bool async, CancellationToken cancellationToken)
    {
        if (command is not NpgsqlCommand { CommandType: CommandType.Text, Connection: { State: ConnectionState.Open } connection } npgsql
            || eventData.CommandSource == CommandSource.Migrations)
            return;
        var sql = npgsql.CommandText;
        await PrepareAsync(connection, [sql], async () =>
        {
            if (async)
                await npgsql.PrepareAsync(cancellationToken);
            else
                npgsql.Prepare();
        });
    }

    /// <summary>
    /// Prepares a batch of single statements written by <see cref="RowWriter"/>, under the same threshold and budget as the
    /// statements EF Core sends.
    /// </summary>
    public async Task PrepareAsync(NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Connection is not { State: ConnectionState.Open } connection)
            return;
        var texts = batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText).ToList();
        await PrepareAsync(connection, texts, () => batch.PrepareAsync(cancellationToken));
    }

    /// <summary>Prepares <paramref name="texts"/> with <paramref name="prepare"/> when the connection's bookkeeping says to.</summary>
    private async Task PrepareAsync(NpgsqlConnection connection, IReadOnlyList<string> texts, Func<Task> prepare)
    {
        var statements = StatementsOf(connection);
        var step = statements.Next(texts);
        if (step == ConnectionStatements.Step.RunAsIs)
            return;
        try
        {
            if (step == ConnectionStatements.Step.DropAllThenPrepare)
            {
                // Npgsql offers only a synchronous DEALLOCATE ALL; it runs when a connection's budget is full, rarely.
                connection.UnprepareAll();
                statements.DroppedAll();
            }
            await prepare();
            foreach (var sql in texts)
                statements.Prepared(sql);
        }
        catch (PostgresException)
        {
            // Refused (say, in a transaction already aborted): nothing was recorded as prepared, and the execution that
            // follows meets the same refusal and reports it the usual way.
        }
    }

    private ConnectionStatements StatementsOf(NpgsqlConnection connection)
    {
        var key = (connection.DataSource, connection.ProcessID);
        if (_connections.TryGetValue(key, out var statements))
            return statements;
        // Counted only when a connection is new: a ConcurrentDictionary's Count takes all of its locks, and this runs
        // before every statement of every request.
        if (_connections.Count > MaxConnections)
            _connections.Clear();
        return _connections.GetOrAdd(key, _ => new ConnectionStatements());
    }
}
