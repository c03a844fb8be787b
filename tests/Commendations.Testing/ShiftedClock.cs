namespace Commendations.Testing;

/// <summary>
/// Real time, shifted: it runs at the wall clock's pace from wherever the test puts it. Give the same instance to the app
/// and to Quartz, jump to just before a trigger's time, and Quartz really fires it moments later.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private long _offsetTicks = (start - System.GetUtcNow()).Ticks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>From now on the clock reads <paramref name="now"/> and keeps running.</summary>
    public void JumpTo(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - System.GetUtcNow()).Ticks);
}
