namespace Commendations.Domain.Calendar;

public enum CalendarDayKind
{
    /// <summary>A public holiday or an announced day off (including compensatory days off).</summary>
    DayOff,
    /// <summary>A weekend day announced as a working day to compensate for a bridge day off.</summary>
    WorkingDay,
}

/// <summary>An exception to the Monday–Friday week, maintained by administrators (announced each year).</summary>
public class CalendarDay
{
    public DateOnly Date { get; private set; }
    public CalendarDayKind Kind { get; private set; }
    public string Name { get; private set; } = "";

    private CalendarDay() { }

    public CalendarDay(DateOnly date, CalendarDayKind kind, string name)
    {
        Date = date;
        Kind = kind;
        Name = name;
    }
}
