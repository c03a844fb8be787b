using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Commendations.Scheduling;

/// <summary>
/// Applies unprocessed outbox messages to Quartz (and writes the notifications they request), strictly in id order, on
/// one node at a time: each batch runs in a transaction holding a PostgreSQL advisory lock, so two nodes never
/// interleave. A message is marked processed in the same transaction as the notifications it wrote;
/// the Quartz job store commits separately (once per batch, see <see cref="QuartzChanges"/>), which is harmless because
/// applying a message again changes nothing. A failing message gets Attempts + 1 and LastError, and is retried with
/// exponential backoff (its next attempt time kept in the row) while the ones after it go on.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, ISchedulerFactory schedulers, IOptions<SchedulingSettings> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    /// <summary>Advisory lock id ("OUTBOX" in ASCII); only the dispatcher takes it.</summary>
    public const long LockKey = 0x4F5554424F58;

    /// <summary>Deletes the messages processed longer ago than the retention (<see cref="OutboxRetention"/>); returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
        var deleted = await OutboxRetention.PruneAsync(db, clock.GetUtcNow() - options.Value.ProcessedOutboxRetention, cancellationToken);
        if (deleted > 0)
            logger.LogInformation("Deleted {Count} outbox message(s) processed more than {Retention} ago.", deleted, options.Value.ProcessedOutboxRetention);
        return deleted;
    }

    /// <summary>Applies one batch; returns how many messages were applied (0 when another node holds the lock).</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        try
        {
            return await DispatchBatchAsync(scheduler, oneByOne: false, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Nothing of the batch was kept; again, each message behind its own savepoint, so the failing one is set aside.
            logger.LogInformation("An outbox batch failed ({Error}); applying it one message at a time.", ex.Message);
            return await DispatchBatchAsync(scheduler, oneByOne: true, cancellationToken);
        }
    }

    /// <summary>
    /// Usually the whole batch goes through without savepoints (a savepoint per message costs round trips, and past 64
    /// in one transaction PostgreSQL's subtransaction cache overflows); <paramref name="oneByOne"/> is the careful way
    /// taken after a failure. Quartz's changes of the batch are written once, before the messages are marked processed.
    /// The batch's hand-overs are told together (their notifications do not depend on one another or on the other kinds).
    /// </summary>
    private async Task<int> DispatchBatchAsync(IScheduler scheduler, bool oneByOne, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
        var applier = scope.ServiceProvider.GetRequiredService<OutboxApplier>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Database.AutoSavepointsEnabled = false;
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!locked)
            return 0;

        var now = clock.GetUtcNow();
        var messages = await db.Outbox.AsNoTracking().Where(m => m.ProcessedAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.Id).Take(settings.DispatchBatchSize)
            .ToListAsync(cancellationToken);
        var changes = new QuartzChanges();
        var applied = new List<long>();
        if (!oneByOne)
        {
            await applier.ApplyAllAsync(changes, messages, cancellationToken);
            applied.AddRange(messages.Select(m => m.Id));
        }
        foreach (var message in oneByOne ? messages : [])
        {

            var own = new QuartzChanges();
            await transaction.CreateSavepointAsync("message", cancellationToken);
            try
            {
                await applier.ApplyAsync(own, message, cancellationToken);
                changes.Append(own);
                applied.Add(message.Id);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                await transaction.RollbackToSavepointAsync("message", cancellationToken);
                db.ChangeTracker.Clear();
                var error = ex.ToString();
                var delay = TimeSpan.FromTicks(Math.Min(settings.MaxRetryDelay.Ticks, settings.RetryDelay.Ticks * (1L << Math.Min(message.Attempts, 20))));
                var retryAt = now + delay;
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"UPDATE outbox_messages SET attempts = attempts + 1, last_error = {(error.Length > 2000 ? error[..2000] : error)}, next_attempt_at = {retryAt} WHERE id = {message.Id}",
                    cancellationToken);
                logger.LogWarning(ex, "Outbox message {Id} ({Kind}) failed (attempt {Attempt}); retrying in {Delay}.", message.Id, message.Kind, message.Attempts + 1, delay);
            }
        }

        // Quartz first: if writing it fails, no message is marked processed and the batch is applied again later.
        await changes.ApplyAsync(scheduler, cancellationToken);
        var ids = applied.ToArray();
        if (ids.Length > 0)
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE outbox_messages SET processed_at = {now} WHERE id = ANY({ids})", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ids.Length;
    }
}

/// <summary>
/// Runs the dispatcher every <see cref="SchedulingSettings.DispatchInterval"/> (at once again while batches are full), and
/// prunes the processed messages once an hour (<see cref="OutboxRetention"/>).
/// </summary>
public sealed class OutboxDispatcherService(
    OutboxDispatcher dispatcher, IOptions<SchedulingSettings> options, TimeProvider clock, ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPrune = clock.GetUtcNow() + OutboxRetention.Interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await dispatcher.DispatchOnceAsync(stoppingToken) >= options.Value.DispatchBatchSize)
                {
                }
                if (clock.GetUtcNow() >= nextPrune)
                {
                    nextPrune = clock.GetUtcNow() + OutboxRetention.Interval;
                    await dispatcher.PruneAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "The outbox dispatcher failed; it tries again shortly.");
            }
            try
            {
                await Task.Delay(options.Value.DispatchInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
