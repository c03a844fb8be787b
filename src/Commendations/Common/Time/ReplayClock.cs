namespace Commendations.Common.Time;

/// <summary>
/// The real clock, except inside <see cref="At"/>: there "now" is the instant given, for the code running in that async
/// flow only. The demo's story (a past year's awards, a dossier left overdue) is replayed through the real use cases at
/// the instants it happened, so its deadlines, audit entries and registry lines are what those use cases would have
/// written then. Registered only when the demo routes are seeded.
/// </summary>
public sealed class ReplayClock(TimeProvider inner) : TimeProvider
{
    private static readonly AsyncLocal<DateTimeOffset?> Instant = new();

    public override DateTimeOffset GetUtcNow() => Instant.Value?.ToUniversalTime() ?? inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public static IDisposable At(DateTimeOffset instant)
    {
        var previous = Instant.Value;
        Instant.Value = instant;
        return new RestoreOnDispose(() => Instant.Value = previous);
    }
}
