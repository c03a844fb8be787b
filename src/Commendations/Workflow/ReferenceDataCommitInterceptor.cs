using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Commendations.Workflow;

/// <summary>
/// Read-your-writes on this node: when a transaction that changed reference data commits here, this node's cache drops
/// it at once, not a few milliseconds later when its own NOTIFY comes back (other nodes still learn by NOTIFY).
/// </summary>
public sealed class ReferenceDataCommitInterceptor(ReferenceDataCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Tables changed by a context's SaveChanges, kept until its transaction commits (or dropped with the context).
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Without a transaction of the caller's, SaveChanges has committed by now.
        if (eventData.Context?.Database.CurrentTransaction is null)
            Flush(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
            Flush(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Remember(DbContext? context)
    {
        if (context is null)
            return;
        // This runs before SaveChanges detects changes; detecting here too would scan every tracked entity twice on every
        // save. Most saves track no reference data at all, so look at what is tracked first and detect only when some is.
        var tracker = context.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var reference = tracker.Entries().Where(e => IsReferenceTable(e.Metadata.GetTableName())).ToList();
            if (reference.Count == 0)
                return;
            if (detecting)
                tracker.DetectChanges();
            var tables = reference
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => e.Metadata.GetTableName()!)
                .ToList();
            if (tables.Count > 0)
                _pending.GetOrCreateValue(context).UnionWith(tables);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }

    private static bool IsReferenceTable(string? table) => table is not null && ReferenceDataCache.Tables.Contains(table);

    private void Flush(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var tables))
            return;
        _pending.Remove(context);
        foreach (var table in tables)
            cache.Invalidate(table);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
            _pending.Remove(context);
    }
}
