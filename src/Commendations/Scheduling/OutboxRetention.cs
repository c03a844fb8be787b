using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Scheduling;

/// <summary>
/// Processed outbox messages are kept for <see cref="SchedulingSettings.ProcessedOutboxRetention"/> (an operator looking
/// into a recent side effect can still read them) and then deleted, so the table holds weeks of messages, not years.
/// A message not yet processed — pending, or failing and listed as an incident — is never deleted.
/// </summary>
public static class OutboxRetention
{
    /// <summary>How often each node prunes (the dispatcher's loop); two nodes pruning at once only wait on each other's rows.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Rows per statement: the oldest ids first, along the primary key, so each batch is a short index walk.</summary>
    public const int BatchSize = 5_000;

    /// <summary>Deletes the messages processed before <paramref name="cutoff"/>; returns how many.</summary>
    public static async Task<int> PruneAsync(CommendationsDbContext db, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await db.Database.ExecuteSqlInterpolatedAsync(
                $"DELETE FROM outbox_messages WHERE id IN (SELECT id FROM outbox_messages WHERE processed_at < {cutoff} ORDER BY id LIMIT {BatchSize})",
                cancellationToken);
            total += deleted;
        }
        while (deleted == BatchSize && !cancellationToken.IsCancellationRequested);
        return total;
    }
}
