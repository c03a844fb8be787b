using System.Collections.Concurrent;
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
/// interleave. A message is marked processed in the same transaction as the notifications it wrote; the Quartz job
/// store commits separately, which is harmless because applying a message again changes nothing. A failing message
/// gets Attempts + 1 and LastError, and is retried with exponential backoff while the ones after it go on.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, ISchedulerFactory schedulers, IOptions<SchedulingSettings> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    /// <summary>Advisory lock id ("OUTBOX" in ASCII); only the dispatcher takes it.</summary>
    public const long LockKey = 0x4F5554424F58;

    private readonly ConcurrentDictionary<long, DateTimeOffset> _retryAt = new();

    /// <summary>Applies one batch; returns how many messages were applied (0 when another node holds the lock).</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
        var applier = scope.ServiceProvider.GetRequiredService<OutboxApplier>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!locked)
            return 0;

        var now = clock.GetUtcNow();
        var messages = await db.Outbox.Where(m => m.ProcessedAt == null).OrderBy(m => m.Id).Take(settings.DispatchBatchSize).ToListAsync(cancellationToken);
        var applied = 0;
        foreach (var message in messages)
        {
            if (_retryAt.TryGetValue(message.Id, out var retryAt) && retryAt > now)
                continue;
            await transaction.CreateSavepointAsync("message", cancellationToken);
            try
            {
                await applier.ApplyAsync(scheduler, message, cancellationToken);
                message.MarkProcessed(now);
                await db.SaveChangesAsync(cancellationToken);
                _retryAt.TryRemove(message.Id, out _);
                applied++;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                await transaction.RollbackToSavepointAsync("message", cancellationToken);
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList())
                    entry.State = EntityState.Detached;
                var error = ex.ToString();
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"UPDATE outbox_messages SET attempts = attempts + 1, last_error = {(error.Length > 2000 ? error[..2000] : error)} WHERE id = {message.Id}",
                    cancellationToken);
                var delay = TimeSpan.FromTicks(Math.Min(settings.MaxRetryDelay.Ticks, settings.RetryDelay.Ticks * (1L << Math.Min(message.Attempts, 20))));
                _retryAt[message.Id] = now + delay;
                logger.LogWarning(ex, "Outbox message {Id} ({Kind}) failed (attempt {Attempt}); retrying in {Delay}.", message.Id, message.Kind, message.Attempts + 1, delay);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return applied;
    }
}

/// <summary>Runs the dispatcher every <see cref="SchedulingSettings.DispatchInterval"/> (at once again while batches are full).</summary>
public sealed class OutboxDispatcherService(OutboxDispatcher dispatcher, IOptions<SchedulingSettings> options, ILogger<OutboxDispatcherService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await dispatcher.DispatchOnceAsync(stoppingToken) >= options.Value.DispatchBatchSize)
                {
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
