using Commendations.Seeding;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Tests.Seeding;

/// <summary>The import at every start-up adds the shipped holidays of years the calendar lacks, and never undoes an administrator's edit.</summary>
public class ReferenceDataImportTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_holiday_an_administrator_removed_stays_removed_after_a_restart_and_a_missing_year_is_added()
    {
        var removed = VietnamCalendar.Days.First(d => d.Date.Year == 2026).Date;
        await using (var db = database.CreateDbContext())
        {
            await db.CalendarDays.Where(d => d.Date == removed).ExecuteDeleteAsync();
            await db.CalendarDays.Where(d => d.Date.Year == 2027).ExecuteDeleteAsync();
        }
        await using var services = new ServiceCollection().AddLogging().AddCommendations(database.ConnectionString, demoScopes: true).AddTestAuditKey().BuildServiceProvider();

        await DatabaseInitializer.ImportReferenceDataAsync(services, Path.Combine(TestCluster.RepositoryRoot, "workflows"));

        await using var check = database.CreateDbContext();
        (await check.CalendarDays.AnyAsync(d => d.Date == removed)).Should().BeFalse("the administrator's removal is kept");
        (await check.CalendarDays.CountAsync(d => d.Date.Year == 2027)).Should().Be(VietnamCalendar.Days.Count(d => d.Date.Year == 2027),
            "a year with no days at all gets the shipped ones");
    }
}
