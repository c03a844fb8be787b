using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commendations.Features.Operations;

/// <summary>How old the figures behind the gauges may be (<c>Telemetry:FiguresMaxAge</c>, 30 seconds by default).</summary>
public sealed class OperationsFiguresOptions
{
    public const string Section = "Telemetry";

    public TimeSpan FiguresMaxAge { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The gauges' view of <see cref="OperationsFigures"/>: read at most once per <see cref="OperationsFiguresOptions.FiguresMaxAge"/>
/// whatever the number of scrapers or gauges, and by one caller at a time, so a storm of scrapes costs the database one read.
/// A read that fails keeps the previous figures (and is tried again at the next scrape) rather than failing the scrape.
/// </summary>
public sealed class OperationsFiguresCache(IServiceScopeFactory scopes, TimeProvider clock, IOptions<OperationsFiguresOptions> options,
    ILogger<OperationsFiguresCache> logger)
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private OperationsSnapshot? _latest;

    public async Task<OperationsSnapshot?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh(_latest) is { } fresh)
            return fresh;
        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_latest) is { } readMeanwhile)
                return readMeanwhile;
            await using var scope = scopes.CreateAsyncScope();
            _latest = await scope.ServiceProvider.GetRequiredService<OperationsFigures>().ReadAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not read the operations figures for the gauges.");
        }
        finally
        {
            _reading.Release();
        }
        return _latest;
    }

    private OperationsSnapshot? Fresh(OperationsSnapshot? snapshot) =>
        snapshot is not null && clock.GetUtcNow() - snapshot.At < options.Value.FiguresMaxAge ? snapshot : null;
}
