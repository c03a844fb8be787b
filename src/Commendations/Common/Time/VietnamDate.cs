namespace Commendations.Common.Time;

/// <summary>Date-only deadlines (a registration's closing date, a dossier window) are Vietnam dates, whatever the server's zone.</summary>
public static class VietnamDate
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
