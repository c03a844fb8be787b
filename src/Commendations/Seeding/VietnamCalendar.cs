using Commendations.Domain.Calendar;
using Commendations.Features.Admin.Calendar;

namespace Commendations.Seeding;

/// <summary>
/// The official calendars shipped with the application (<c>calendar/vn-YYYY.json</c> in the repository, embedded here):
/// days off and compensatory working days for civil servants, each row citing its document (docs/calendar.md). A year
/// not yet announced ships as provisional. The seeder fills empty years from them; for a year the installation already
/// has, a shipped calendar that differs is offered to administrators (<see cref="CalendarOffers"/>), never applied silently.
/// </summary>
public static class VietnamCalendar
{
    private static readonly Lazy<IReadOnlyDictionary<int, CalendarFile>> Shipped = new(Load);

    /// <summary>The shipped calendar of each year it covers.</summary>
    public static IReadOnlyDictionary<int, CalendarFile> Years => Shipped.Value;

    /// <summary>Every shipped day, as rows.</summary>
    public static IReadOnlyList<CalendarDay> Days => [.. Years.Values.OrderBy(f => f.Year).SelectMany(f => f.Days).Select(d => d.ToRow())];

    private static IReadOnlyDictionary<int, CalendarFile> Load()
    {
        var assembly = typeof(VietnamCalendar).Assembly;
        var files = new SortedDictionary<int, CalendarFile>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Commendations.Calendar.vn-", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var file = CalendarFile.Parse(CalendarFile.JsonFormat, reader.ReadToEnd(), null);
            files.Add(file.Year, file);
        }
        return files;
    }
}
