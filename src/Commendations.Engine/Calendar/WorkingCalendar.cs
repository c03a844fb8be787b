namespace Commendations.Engine;

/// <summary>
/// Working-day arithmetic in local time (Vietnam: UTC+07:00, no DST). Rules:
/// <list type="bullet">
/// <item>A day is a working day unless it is a holiday; otherwise an extra working day (a compensatory working
/// Saturday) is a working day even on a weekend day; otherwise weekend days (Saturday, Sunday) are not.</item>
/// <item>Working hours are 08:00–17:00 local.</item>
/// <item>N working days from an instant t are due at 17:00 local on the Nth working day after t's local date
/// (<see cref="DueAfterWorkingDays"/>).</item>
/// <item>N calendar days from t are due at 17:00 local on t's local date + N, moved forward to the next working day
/// if that is not a working day (<see cref="DueAfterCalendarDays"/>); a fixed date likewise (<see cref="DueOnDate"/>).</item>
/// <item>A reminder k working days before a due time fires at 08:00 local on the working day k working days before the
/// due date; k = 0 is 08:00 on the due day (<see cref="ReminderTime"/>). Escalation happens at the due time.</item>
/// </list>
/// The holidays and compensatory days are data: the administrators maintain them each year.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _extraWorkingDays;
    private readonly bool[] _weekend = new bool[7];

    public WorkingCalendar(
        IEnumerable<DateOnly>? holidays = null,
        IEnumerable<DateOnly>? extraWorkingDays = null,
        IEnumerable<DayOfWeek>? weekendDays = null,
        TimeSpan? utcOffset = null,
        TimeOnly? workdayStart = null,
        TimeOnly? workdayEnd = null)
    {
        _holidays = [.. holidays ?? []];
        _extraWorkingDays = [.. extraWorkingDays ?? []];
        WeekendDays = new HashSet<DayOfWeek>(weekendDays ?? [DayOfWeek.Saturday, DayOfWeek.Sunday]);
        foreach (var day in WeekendDays)
        {
            _weekend[(int)day] = true;
        }
        if (_weekend.All(w => w))
        {
            throw new ArgumentException("At least one day of the week must be a working day.", nameof(weekendDays));
        }
        UtcOffset = utcOffset ?? VietnamTime.Offset;
        WorkdayStart = workdayStart ?? new TimeOnly(8, 0);
        WorkdayEnd = workdayEnd ?? new TimeOnly(17, 0);
        if (WorkdayEnd <= WorkdayStart)
        {
            throw new ArgumentException("The working day must end after it starts.", nameof(workdayEnd));
        }
    }

    /// <summary>Vietnam defaults without holidays: Saturday and Sunday off, UTC+07:00, 08:00–17:00.</summary>
    public static WorkingCalendar Vietnam { get; } = new();

    public IReadOnlySet<DateOnly> Holidays => _holidays;
    public IReadOnlySet<DateOnly> ExtraWorkingDays => _extraWorkingDays;
    public IReadOnlySet<DayOfWeek> WeekendDays { get; }
    public TimeSpan UtcOffset { get; }
    public TimeOnly WorkdayStart { get; }
    public TimeOnly WorkdayEnd { get; }

    public bool IsWorkingDay(DateOnly date)
    {
        if (_holidays.Contains(date)) return false;
        if (_extraWorkingDays.Contains(date)) return true;
        return !_weekend[(int)date.DayOfWeek];
    }

    /// <summary>
    /// The <paramref name="days"/>th working day after <paramref name="date"/> (before it when negative);
    /// 0 returns <paramref name="date"/> itself.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        var step = days >= 0 ? 1 : -1;
        var remaining = Math.Abs(days);
        var current = date;
        while (remaining > 0)
        {
            current = current.AddDays(step);
            if (IsWorkingDay(current)) remaining--;
        }
        return current;
    }

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public DateOnly OnOrNextWorkingDay(DateOnly date)
    {
        var current = date;
        while (!IsWorkingDay(current)) current = current.AddDays(1);
        return current;
    }

    /// <summary>The local calendar date of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(UtcOffset).DateTime);

    /// <summary>A local date and time as an instant in the calendar's offset.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), UtcOffset);

    /// <summary>
    /// 08:00 local on <paramref name="instant"/>'s own date if that is a working day and the instant is before 08:00;
    /// otherwise 08:00 local on the next working day.
    /// </summary>
    public DateTimeOffset NextWorkingMorning(DateTimeOffset instant)
    {
        var local = instant.ToOffset(UtcOffset);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (IsWorkingDay(date) && TimeOnly.FromDateTime(local.DateTime) < WorkdayStart)
        {
            return At(date, WorkdayStart);
        }
        return At(AddWorkingDays(date, 1), WorkdayStart);
    }

    /// <summary>17:00 local on the Nth working day after the local date of <paramref name="openedAt"/>.</summary>
    public DateTimeOffset DueAfterWorkingDays(DateTimeOffset openedAt, int workingDays) =>
        At(AddWorkingDays(LocalDate(openedAt), workingDays), WorkdayEnd);

    /// <summary>17:00 local on the local date of <paramref name="openedAt"/> + N days, moved forward to a working day.</summary>
    public DateTimeOffset DueAfterCalendarDays(DateTimeOffset openedAt, int calendarDays) =>
        DueOnDate(LocalDate(openedAt).AddDays(calendarDays));

    /// <summary>17:00 local on <paramref name="date"/>, moved forward to the next working day if needed.</summary>
    public DateTimeOffset DueOnDate(DateOnly date) => At(OnOrNextWorkingDay(date), WorkdayEnd);

    /// <summary>08:00 local on the working day <paramref name="workingDaysBefore"/> working days before the due date.</summary>
    public DateTimeOffset ReminderTime(DateTimeOffset dueAt, int workingDaysBefore) =>
        At(AddWorkingDays(OnOrNextWorkingDay(LocalDate(dueAt)), -workingDaysBefore), WorkdayStart);

    /// <summary>
    /// The same time of day as <paramref name="dueAt"/>, <paramref name="workingDays"/> working days after its date (before
    /// it when negative): the instant of an escalation level (<c>afterWorkingDays</c> / <c>beforeWorkingDays</c>).
    /// </summary>
    public DateTimeOffset ShiftWorkingDays(DateTimeOffset dueAt, int workingDays)
    {
        var local = dueAt.ToOffset(UtcOffset);
        return At(AddWorkingDays(OnOrNextWorkingDay(DateOnly.FromDateTime(local.DateTime)), workingDays), TimeOnly.FromDateTime(local.DateTime));
    }

    /// <summary>
    /// The instant <paramref name="hours"/> working hours after <paramref name="instant"/>: only time between the
    /// working day's start and end on working days counts (Friday 16:30 + 1 h → Monday 08:30). Used to place
    /// simulated actions realistically.
    /// </summary>
    public DateTimeOffset AddWorkingHours(DateTimeOffset instant, decimal hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        var remaining = TimeSpan.FromHours((double)hours);
        var local = instant.ToOffset(UtcOffset);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!IsWorkingDay(date) || time >= WorkdayEnd) (date, time) = (AddWorkingDays(date, 1), WorkdayStart);
        else if (time < WorkdayStart) time = WorkdayStart;
        while (remaining > WorkdayEnd - time)
        {
            remaining -= WorkdayEnd - time;
            (date, time) = (AddWorkingDays(date, 1), WorkdayStart);
        }
        return At(date, time.Add(remaining));
    }
}
