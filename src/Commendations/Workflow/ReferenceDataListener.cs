using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Commendations.Workflow;

/// <summary>
/// Holds one connection that LISTENs for <see cref="ReferenceDataCache.Channel"/> and invalidates the cache when a
/// reference table changes. A lost connection turns caching off until it is back (then everything is reloaded).
/// </summary>
public sealed class ReferenceDataListener(ReferenceDataCache cache, ReferenceDataConnection connection, ILogger<ReferenceDataListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var db = new NpgsqlConnection(connection.ConnectionString);
                await db.OpenAsync(stoppingToken);
                db.Notification += (_, e) => cache.Invalidate(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ReferenceDataCache.Channel}", db))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                cache.Connected();
                while (!stoppingToken.IsCancellationRequested)
                    await db.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
            {
                logger.LogWarning(e, "Reference-data listener lost its connection; caching is off until it reconnects");
            }
            finally
            {
                cache.Disconnected();
            }
            await Task.Delay(RetryDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}

/// <summary>The connection string the listener uses (the app's own database).</summary>
public sealed record ReferenceDataConnection(string ConnectionString);
