using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Commendations.Persistence;

/// <summary>
/// Saves a unit of work made only of inserts and updates of the workflow's own rows (<see cref="RowShapes"/>) as one
/// prepared <see cref="NpgsqlBatch"/>, in place of EF Core's update pipeline — which builds, for every command of every
/// save, its SQL, its parameters and a dependency sort, and was half of the web process's CPU per approval (RESULTS.md,
/// issue 20). What EF Core guarantees is kept: principals inserted before dependents, only the changed columns updated,
/// the <c>xmin</c> row version checked (a stale row is a <see cref="DbUpdateConcurrencyException"/>, the same 409 for the
/// caller), what the database refuses wrapped in a <see cref="DbUpdateException"/>, generated keys and row versions read
/// back, nothing marked saved unless every statement succeeded. Anything else in the unit of work — a deletion, another
/// entity type, a change to a unique column, a key the database must generate but the caller set — and the whole save
/// is EF Core's, as before.
/// </summary>
internal static class RowWriter
{
    /// <summary>
    /// False inside a caller's transaction with automatic savepoints: EF Core saves inside a savepoint there, so a refused
    /// save leaves the caller's transaction usable, and its own pipeline does that.
    /// </summary>
    public static bool Applies(DbContext db) => db.Database.CurrentTransaction is null || !db.Database.AutoSavepointsEnabled;

    /// <summary>
    /// Writes the context's changes and returns how many rows, or null when EF Core must save them. When it
    /// <see cref="Applies"/>, the changes have been detected by the time it returns null.
    /// </summary>
    public static async Task<int?> TryWriteAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!Applies(db))
            return null;
        var writes = Plan(db);
        if (writes is null)
            return null;
        if (writes.Count == 0)
            return 0;
        if (db.Database.CurrentTransaction is not null || writes.Count == 1 || db.Database.AutoTransactionBehavior == AutoTransactionBehavior.Never)
        {
            await ExecuteAsync(db, writes, cancellationToken);
        }
        else
        {
            // As EF Core does: a row-version check that finds nothing is no error to PostgreSQL, so without a transaction
            // the batch's other statements would commit; in one, the refusal rolls them back.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(db, writes, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        db.ChangeTracker.AcceptAllChanges();
        return writes.Count;
    }

    /// <summary>The statements for the tracked changes in the order they must run, or null when one cannot be written here.</summary>
    private static List<RowWrite>? Plan(DbContext db)
    {
        var tracker = db.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        if (detecting)
            tracker.DetectChanges();
        // Detected once above; Entries() would detect again.
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var shapes = RowShapes.Of(db.Model);
            var entries = tracker.Entries().ToList();
            var writes = new List<RowWrite>(entries.Count);
            foreach (var entry in entries)
            {
                if (entry.State is EntityState.Unchanged or EntityState.Detached)
                    continue;
                if (entry.State is not (EntityState.Added or EntityState.Modified) || shapes.For(entry.Metadata) is not { } shape)
                    return null;
                if (entry.State == EntityState.Added)
                {
                    // A value the database generates must be left to it; one the caller chose cannot be sent here.
                    if (shape.Generated.Any(p => p != shape.RowVersion && !entry.Property(p).IsTemporary)
                        || shape.ClientGenerated.Any(p => entry.Property(p).IsTemporary))
                        return null;
                    writes.Add(new RowWrite(entry, shape, Mask: null, writes.Count));
                    continue;
                }
                var mask = ModifiedColumns(entry, shape);
                if (mask is null || (mask & shape.UniqueMask) != 0)
                    return null;
                if (mask != 0)
                    writes.Add(new RowWrite(entry, shape, mask, writes.Count));
            }
            // Principals first; within a type updates before inserts, each in the order they were tracked.
            writes.Sort((a, b) => (a.Shape.Rank, a.Mask is null, a.Order).CompareTo((b.Shape.Rank, b.Mask is null, b.Order)));
            return writes;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>The changed columns as a mask of <see cref="RowShape.Updatable"/>; null when a key changed.</summary>
    private static ulong? ModifiedColumns(EntityEntry entry, RowShape shape)
    {
        ulong mask = 0;
        foreach (var property in entry.Metadata.GetProperties())
        {
            if (!entry.Property(property).IsModified || property == shape.RowVersion)
                continue;
            var bit = shape.IndexOf(property);
            if (bit < 0)
                return null;
            mask |= 1UL << bit;
        }
        return mask;
    }

    private static async Task ExecuteAsync(DbContext db, List<RowWrite> writes, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var batch = new NpgsqlBatch(connection)
            {
                Transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction,
                Timeout = db.Database.GetCommandTimeout() ?? 30,
            };
            // Only to create parameters through EF Core's type mappings (value converters, jsonb, arrays): never executed.
            using var parameters = new NpgsqlCommand();
            foreach (var write in writes)
                batch.BatchCommands.Add(write.Command(parameters));
            await StatementPreparer.Instance.PrepareAsync(batch, cancellationToken);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            foreach (var write in writes)
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    throw new DbUpdateConcurrencyException(
                        $"The row of {write.Shape.Type.DisplayName()} was changed or deleted since it was read; nothing was saved.");
                }
                write.ReadGenerated(reader);
                await reader.NextResultAsync(cancellationToken);
            }
        }
        catch (PostgresException refused)
        {
            throw new DbUpdateException("PostgreSQL refused the changes; nothing was saved.", refused, [.. writes.Select(w => w.Entry)]);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        foreach (var write in writes)
            write.ApplyGenerated();
    }

    /// <summary>One statement: an insert (<see cref="Mask"/> null) or an update of the masked columns.</summary>
    private sealed record RowWrite(EntityEntry Entry, RowShape Shape, ulong? Mask, int Order)
    {
        private object?[] _generated = [];

        public NpgsqlBatchCommand Command(NpgsqlCommand parameters)
        {
            var command = new NpgsqlBatchCommand(Mask is { } mask ? Shape.UpdateSql(mask) : Shape.InsertSql);
            var current = Entry.CurrentValues;
            if (Mask is not { } columns)
            {
                foreach (var property in Shape.InsertColumns)
                    command.Parameters.Add(Parameter(parameters, property, current[property]));
                return command;
            }
            for (var i = 0; i < Shape.Updatable.Count; i++)
            {
                if ((columns & (1UL << i)) != 0)
                    command.Parameters.Add(Parameter(parameters, Shape.Updatable[i], current[Shape.Updatable[i]]));
            }
            // Keys never change once saved; the row version is the one read with the row.
            foreach (var property in Shape.Key)
                command.Parameters.Add(Parameter(parameters, property, current[property]));
            if (Shape.RowVersion is { } version)
                command.Parameters.Add(Parameter(parameters, version, Entry.OriginalValues[version]));
            return command;
        }

        /// <summary>What RETURNING gave back: the generated columns of an insert, the new row version of an update.</summary>
        public void ReadGenerated(DbDataReader reader)
        {
            var generated = Mask is null ? Shape.Generated : Shape.RowVersion is { } version ? [version] : [];
            _generated = new object?[generated.Count];
            for (var i = 0; i < generated.Count; i++)
            {
                var value = reader.GetValue(i);
                var converter = generated[i].GetRelationalTypeMapping().Converter;
                _generated[i] = converter is null ? value : converter.ConvertFromProvider(value);
            }
        }

        /// <summary>Set only once every statement succeeded, so a failed save leaves the entities as they were.</summary>
        public void ApplyGenerated()
        {
            var generated = Mask is null ? Shape.Generated : Shape.RowVersion is { } version ? [version] : [];
            for (var i = 0; i < generated.Count; i++)
            {
                var property = Entry.Property(generated[i]);
                property.CurrentValue = _generated[i];
                property.IsTemporary = false;
            }
        }

        private static NpgsqlParameter Parameter(NpgsqlCommand parameters, IProperty property, object? value) =>
            // No name: a positional parameter, for the $n the statement is written with.
            (NpgsqlParameter)property.GetRelationalTypeMapping().CreateParameter(parameters, "", value, property.IsNullable);
    }
}
