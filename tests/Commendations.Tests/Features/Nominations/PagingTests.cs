using Commendations.Features.Nominations;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Features.Nominations;

/// <summary>The lists' count (nominations, registry): exact up to the limit or the end of the asked page, "more than" beyond.</summary>
public class PagingTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Counting_stops_at_the_limit_and_says_so_but_always_reaches_the_end_of_the_asked_page()
    {
        await using var db = database.CreateDbContext();
        var days = db.CalendarDays.AsNoTracking();
        var all = await days.CountAsync();
        all.Should().BeGreaterThan(10, "the shipped holiday calendar is seeded");

        (await Paging.CountAsync(days, page: 1, pageSize: 2, default, limit: 5)).Should().Be((5, true));
        (await Paging.CountAsync(days, page: 1, pageSize: 2, default, limit: all)).Should().Be((all, false), "exactly the limit is not more than it");
        (await Paging.CountAsync(days, page: 4, pageSize: 2, default, limit: 5)).Should().Be((8, true), "the asked page (rows 7–8) is always counted to");
        (await Paging.CountAsync(days, page: all, pageSize: 1, default, limit: 5)).Should().Be((all, false));
    }
}
