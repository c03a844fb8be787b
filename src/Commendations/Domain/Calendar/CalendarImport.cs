namespace Commendations.Domain.Calendar;

/// <summary>
/// A year's official calendar applied to the installation, or a shipped one an administrator chose not to apply: by the
/// content's hash, so shipped data is offered once per content (not again after it was applied or dismissed) and every
/// import is on record.
/// </summary>
public class CalendarImport
{
    public const string Shipped = "shipped";
    public const string File = "file";
    public const string Applied = "applied";
    public const string Dismissed = "dismissed";

    public long Id { get; private set; }
    public int Year { get; private set; }

    /// <summary><see cref="Shipped"/> (the data that comes with the application) or <see cref="File"/> (uploaded).</summary>
    public string Origin { get; private set; } = "";

    /// <summary>SHA-256 (hex) of the calendar's canonical content (<c>CalendarFile.ContentHash</c>).</summary>
    public string ContentHash { get; private set; } = "";

    /// <summary><see cref="Applied"/> or <see cref="Dismissed"/>.</summary>
    public string Outcome { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
    public Guid? UserId { get; private set; }

    /// <summary>What it changed: days added, removed and changed, tasks whose due time moved (JSON).</summary>
    public string Summary { get; private set; } = "{}";

    private CalendarImport() { }

    public CalendarImport(int year, string origin, string contentHash, string outcome, DateTimeOffset at, Guid? userId, string summary)
    {
        Year = year;
        Origin = origin;
        ContentHash = contentHash;
        Outcome = outcome;
        At = at;
        UserId = userId;
        Summary = summary;
    }
}
