namespace Commendations.Engine;

/// <summary>
/// Vietnam's civil time, the one place that knows it: UTC+07:00 all year (no daylight saving since 1975), so a fixed zone
/// needs no time-zone database on the host. Instants are stored in UTC; whatever a person reads, and every "today" a rule
/// counts from (a deadline's day, a decision's date, a campaign's window), is in this time.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", Offset, "(UTC+07:00) Vietnam", "ICT");

    /// <summary>The instant as a Vietnamese clock shows it.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The calendar day in Vietnam at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>Today in Vietnam by <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());
}
