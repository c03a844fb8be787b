namespace Commendations.Domain.Calendar;

/// <summary>The years the system takes dates in: records start after 2000 and nothing is planned beyond 2100.</summary>
public static class CalendarYears
{
    public const int First = 2000;
    public const int Last = 2100;

    public static bool Contains(DateOnly date) => date.Year is >= First and <= Last;
}
