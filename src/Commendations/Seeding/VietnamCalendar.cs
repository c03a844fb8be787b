using Commendations.Domain.Calendar;

namespace Commendations.Seeding;

/// <summary>
/// Public holidays and announced days off for 2026 and 2027 (Labour Code art. 112 plus the Government's yearly
/// announcements for civil servants). Administrators correct and extend this each year; 2027 follows the lunar
/// calendar and is marked "dự kiến" (expected) until announced.
/// </summary>
public static class VietnamCalendar
{
    public static IReadOnlyList<CalendarDay> Days { get; } =
    [
        Off(2026, 1, 1, "Tết Dương lịch"),
        // Tết Bính Ngọ: the lunar new year falls on Tuesday 17/02/2026; nine days off from Saturday 14/02 to Sunday 22/02.
        .. Range(2026, 2, 14, 2026, 2, 22, "Tết Nguyên đán Bính Ngọ"),
        Off(2026, 4, 27, "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật 26/04)"),
        Off(2026, 4, 30, "Ngày Chiến thắng"),
        Off(2026, 5, 1, "Ngày Quốc tế Lao động"),
        Off(2026, 9, 1, "Quốc khánh (ngày liền kề)"),
        Off(2026, 9, 2, "Quốc khánh"),
        Off(2027, 1, 1, "Tết Dương lịch"),
        // Tết Đinh Mùi: the lunar new year falls on Saturday 06/02/2027 (dự kiến: 04/02–10/02).
        .. Range(2027, 2, 4, 2027, 2, 10, "Tết Nguyên đán Đinh Mùi (dự kiến)"),
        Off(2027, 4, 16, "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
        Off(2027, 4, 30, "Ngày Chiến thắng"),
        Off(2027, 5, 3, "Nghỉ bù Ngày Quốc tế Lao động (01/05 rơi vào thứ Bảy)"),
        Off(2027, 9, 2, "Quốc khánh"),
        Off(2027, 9, 3, "Quốc khánh (ngày liền kề, dự kiến)"),
    ];

    private static CalendarDay Off(int y, int m, int d, string name) => new(new DateOnly(y, m, d), CalendarDayKind.DayOff, name);

    private static IEnumerable<CalendarDay> Range(int y1, int m1, int d1, int y2, int m2, int d2, string name)
    {
        for (var day = new DateOnly(y1, m1, d1); day <= new DateOnly(y2, m2, d2); day = day.AddDays(1))
            yield return new CalendarDay(day, CalendarDayKind.DayOff, name);
    }
}
