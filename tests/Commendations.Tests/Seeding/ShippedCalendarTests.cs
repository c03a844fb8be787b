using Commendations.Domain.Calendar;
using Commendations.Features.Admin.Calendar;
using Commendations.Seeding;

namespace Commendations.Tests.Seeding;

/// <summary>
/// The calendars shipped in calendar/ (embedded in the application): every row cites its document, 2027 is provisional
/// until announced, and the 2026 New Year swap counts in due dates as the Government Office letter says.
/// </summary>
public class ShippedCalendarTests
{
    private static DateTimeOffset At(int y, int m, int d, int h) => new(y, m, d, h, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Every_shipped_day_cites_its_source_and_2027_is_provisional()
    {
        VietnamCalendar.Years.Keys.Should().Contain([2026, 2027]);
        VietnamCalendar.Years.Values.SelectMany(f => f.Days).Should().OnlyContain(d => d.Source.Length > 0);
        VietnamCalendar.Years[2027].Provisional.Should().BeTrue();
        VietnamCalendar.Years[2027].Days.Should().OnlyContain(d => d.Provisional);
        VietnamCalendar.Years[2026].Provisional.Should().BeFalse();
        var days2026 = VietnamCalendar.Years[2026].Days.ToDictionary(d => d.Date);
        days2026[new DateOnly(2026, 1, 2)].Source.Should().Contain("12729/VPCP-KGVX").And.Contain("25/12/2025");
        days2026[new DateOnly(2026, 1, 10)].Should().BeEquivalentTo(new { Kind = CalendarDayKind.WorkingDay, SwappedWith = (DateOnly?)new DateOnly(2026, 1, 2) });
        // Tết Bính Ngọ: nine days from Saturday 14/02 to Sunday 22/02; Hùng Kings on Sunday 26/04 is taken on Monday 27/04.
        Enumerable.Range(14, 9).Select(d => new DateOnly(2026, 2, d)).Should().OnlyContain(d => days2026[d].Kind == CalendarDayKind.DayOff);
        days2026.Should().ContainKeys(new DateOnly(2026, 4, 27), new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 1), new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 2));
        days2026.Should().NotContainKey(new DateOnly(2026, 4, 26));
    }

    [Fact]
    public void Due_dates_count_across_the_New_Year_swap_of_the_shipped_2026_calendar()
    {
        var calendar = CalendarDeadlines.CalendarOf(VietnamCalendar.Years[2026].Days);
        calendar.IsWorkingDay(new DateOnly(2026, 1, 2)).Should().BeFalse("Friday 02/01/2026 is swapped off");
        calendar.IsWorkingDay(new DateOnly(2026, 1, 10)).Should().BeTrue("Saturday 10/01/2026 is worked in exchange");
        // Opened Wednesday 31/12/2025: 01/01 and 02/01 off, weekend, Mon 5 … Fri 9 are five, Saturday 10/01 the sixth.
        calendar.DueAfterWorkingDays(At(2025, 12, 31, 9), 5).Should().Be(At(2026, 1, 9, 17));
        calendar.DueAfterWorkingDays(At(2025, 12, 31, 9), 6).Should().Be(At(2026, 1, 10, 17));
        calendar.DueAfterWorkingDays(At(2025, 12, 31, 9), 7).Should().Be(At(2026, 1, 12, 17));
        // A reminder one working day before Monday 12/01 comes on the Saturday worked.
        calendar.ReminderTime(At(2026, 1, 12, 17), 1).Should().Be(At(2026, 1, 10, 8));
        // Ten calendar days from 23/12/2025 land on Friday 02/01 (off): due on Monday 05/01.
        calendar.DueAfterCalendarDays(At(2025, 12, 23, 9), 10).Should().Be(At(2026, 1, 5, 17));
    }

    [Fact]
    public void A_calendar_written_as_CSV_reads_back_as_the_same_content()
    {
        var shipped = VietnamCalendar.Years[2026];
        var csv = CalendarFile.Parse(CalendarFile.CsvFormat, shipped.ToCsv(), 2026);
        csv.ContentHash.Should().Be(shipped.ContentHash);
        CalendarFile.Parse(CalendarFile.JsonFormat, shipped.ToJson(), null).ContentHash.Should().Be(shipped.ContentHash);
    }
}
