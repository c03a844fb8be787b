namespace Commendations.Engine.Tests;

public class WorkingCalendarTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    // Test data, not law: Tết Đinh Mùi falls on Saturday 06/02/2027; we assume the days off are
    // Friday 05/02 to Wednesday 10/02/2027 (the real days are announced each year).
    private static readonly DateOnly[] Tet2027 = Enumerable.Range(0, 6).Select(i => new DateOnly(2027, 2, 5).AddDays(i)).ToArray();

    private static DateTimeOffset Local(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, Vn);

    [Fact]
    public void Weekend_days_are_not_working_days()
    {
        var calendar = WorkingCalendar.Vietnam;
        calendar.IsWorkingDay(new DateOnly(2027, 3, 5)).Should().BeTrue();   // Friday
        calendar.IsWorkingDay(new DateOnly(2027, 3, 6)).Should().BeFalse();  // Saturday
        calendar.IsWorkingDay(new DateOnly(2027, 3, 7)).Should().BeFalse();  // Sunday
    }

    [Fact]
    public void Working_days_skip_the_weekend()
    {
        var calendar = WorkingCalendar.Vietnam;
        calendar.AddWorkingDays(new DateOnly(2027, 3, 4), 2).Should().Be(new DateOnly(2027, 3, 8)); // Thu + 2 → Mon
        calendar.AddWorkingDays(new DateOnly(2027, 3, 8), -1).Should().Be(new DateOnly(2027, 3, 5)); // Mon − 1 → Fri
        calendar.AddWorkingDays(new DateOnly(2027, 3, 6), 0).Should().Be(new DateOnly(2027, 3, 6));
    }

    [Fact]
    public void Due_after_working_days_is_17h_local_on_the_nth_working_day()
    {
        var calendar = WorkingCalendar.Vietnam;
        // Opened Friday 05/03/2027 at 16:30 → 5 working days → Friday 12/03 17:00.
        calendar.DueAfterWorkingDays(Local(2027, 3, 5, 16, 30), 5).Should().Be(Local(2027, 3, 12, 17));
        // Opened on a Saturday: the count starts from the Saturday's date → Monday is day 1.
        calendar.DueAfterWorkingDays(Local(2027, 3, 6, 10), 1).Should().Be(Local(2027, 3, 8, 17));
        // An instant given in UTC is read in local time: 20:00Z Friday is 03:00 Saturday local.
        calendar.DueAfterWorkingDays(new DateTimeOffset(2027, 3, 5, 20, 0, 0, TimeSpan.Zero), 1).Should().Be(Local(2027, 3, 8, 17));
    }

    [Fact]
    public void Across_Tet_2027()
    {
        var calendar = new WorkingCalendar(holidays: Tet2027);
        calendar.IsWorkingDay(new DateOnly(2027, 2, 8)).Should().BeFalse(); // Monday, Tết
        // Opened Thursday 04/02: next working day is Thursday 11/02.
        calendar.DueAfterWorkingDays(Local(2027, 2, 4, 9), 1).Should().Be(Local(2027, 2, 11, 17));
        // 5 working days from 01/02 (Mon): 02, 03, 04, 11, 12.
        calendar.DueAfterWorkingDays(Local(2027, 2, 1, 9), 5).Should().Be(Local(2027, 2, 12, 17));
        // Reminder 2 working days before Friday 12/02 skips back over Tết to Thursday 04/02 08:00.
        calendar.ReminderTime(Local(2027, 2, 12, 17), 2).Should().Be(Local(2027, 2, 4, 8));
        // Calendar days landing in Tết move to the first working day after it.
        calendar.DueAfterCalendarDays(Local(2027, 2, 1, 9), 7).Should().Be(Local(2027, 2, 11, 17));
    }

    [Fact]
    public void Compensatory_working_saturday_counts()
    {
        var saturday = new DateOnly(2027, 2, 20);
        var calendar = new WorkingCalendar(holidays: Tet2027, extraWorkingDays: [saturday]);
        calendar.IsWorkingDay(saturday).Should().BeTrue();
        calendar.IsWorkingDay(saturday.AddDays(1)).Should().BeFalse();
        calendar.DueAfterWorkingDays(Local(2027, 2, 19, 9), 1).Should().Be(Local(2027, 2, 20, 17));
        WorkingCalendar.Vietnam.DueAfterWorkingDays(Local(2027, 2, 19, 9), 1).Should().Be(Local(2027, 2, 22, 17));
    }

    [Fact]
    public void A_holiday_beats_an_extra_working_day()
    {
        var day = new DateOnly(2027, 2, 6);
        new WorkingCalendar(holidays: [day], extraWorkingDays: [day]).IsWorkingDay(day).Should().BeFalse();
    }

    [Fact]
    public void Reminders_fire_at_8h_local_k_working_days_before_the_due_day()
    {
        var calendar = WorkingCalendar.Vietnam;
        var due = Local(2027, 3, 8, 17); // Monday
        calendar.ReminderTime(due, 0).Should().Be(Local(2027, 3, 8, 8));
        calendar.ReminderTime(due, 2).Should().Be(Local(2027, 3, 4, 8)); // Thursday
    }

    [Fact]
    public void Calendar_days_due_moves_off_the_weekend()
    {
        var calendar = WorkingCalendar.Vietnam;
        calendar.DueAfterCalendarDays(Local(2027, 3, 1, 9), 5).Should().Be(Local(2027, 3, 8, 17)); // Sat 06 → Mon 08
        calendar.DueAfterCalendarDays(Local(2027, 3, 1, 9), 3).Should().Be(Local(2027, 3, 4, 17));
        calendar.DueOnDate(new DateOnly(2027, 3, 7)).Should().Be(Local(2027, 3, 8, 17));
    }

    [Fact]
    public void Next_working_morning()
    {
        var calendar = new WorkingCalendar(holidays: Tet2027);
        calendar.NextWorkingMorning(Local(2027, 3, 5, 7)).Should().Be(Local(2027, 3, 5, 8));   // Friday before 08:00
        calendar.NextWorkingMorning(Local(2027, 3, 5, 9)).Should().Be(Local(2027, 3, 8, 8));   // Friday during the day
        calendar.NextWorkingMorning(Local(2027, 2, 4, 18)).Should().Be(Local(2027, 2, 11, 8)); // before Tết
    }

    [Fact]
    public void A_week_without_working_days_is_refused() =>
        FluentActions.Invoking(() => new WorkingCalendar(weekendDays: Enum.GetValues<DayOfWeek>()))
            .Should().Throw<ArgumentException>();
}
