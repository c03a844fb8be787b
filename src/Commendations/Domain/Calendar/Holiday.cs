namespace Commendations.Domain.Calendar;

public enum CalendarDayKind
{
    /// <summary>A public holiday or an announced day off (including compensatory days off and a weekday swapped off).</summary>
    DayOff,
    /// <summary>A weekend day announced as a working day (a compensatory working day, e.g. the Saturday worked for a bridge day off).</summary>
    WorkingDay,
}

/// <summary>
/// An exception to the Monday–Friday week, maintained by administrators from the official announcements (each row cites
/// its <see cref="Source"/>). A swap is two rows naming each other (<see cref="SwappedWith"/>): a weekday off and the
/// weekend day worked for it. A row not yet announced officially (a year planned ahead) is <see cref="Provisional"/>.
/// </summary>
public class CalendarDay
{
    public const int NameMaxLength = 200;
    public const int SourceMaxLength = 300;

    public DateOnly Date { get; private set; }
    public CalendarDayKind Kind { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The document the day comes from: its number, issuer and date (e.g. "Công văn 12729/VPCP-KGVX ngày 25/12/2025").</summary>
    public string Source { get; private set; } = "";

    /// <summary>Expected but not yet announced: deadlines count it, and pages say it may change.</summary>
    public bool Provisional { get; private set; }

    /// <summary>For a swap: the other day of it (the weekend day worked, or the weekday taken off).</summary>
    public DateOnly? SwappedWith { get; private set; }

    private CalendarDay() { }

    public CalendarDay(DateOnly date, CalendarDayKind kind, string name, string source = "", bool provisional = false, DateOnly? swappedWith = null)
    {
        Date = date;
        Kind = kind;
        Name = name;
        Source = source;
        Provisional = provisional;
        SwappedWith = swappedWith;
    }

    public void Change(CalendarDayKind kind, string name, string source, bool provisional, DateOnly? swappedWith)
    {
        Kind = kind;
        Name = name;
        Source = source;
        Provisional = provisional;
        SwappedWith = swappedWith;
    }

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
