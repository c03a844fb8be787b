using Commendations.Features.Nominations;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Features.Nominations;

/// <summary>Lists stop counting at a limit ("more than 10,000") but always far enough to page to the one asked for.</summary>
public class PagingTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Counting_stops_at_the_limit_and_says_so_but_never_before_the_end_of_the_asked_page()
    {
        await using var db = database.CreateDbContext();
        var units = db.Units.AsNoTracking().OrderBy(u => u.Code);
        var exact = await units.CountAsync();
        exact.Should().BeGreaterThan(6, "the demo tree has more units than the limits below");

        (await Paging.CountAsync(units, page: 1, pageSize: 2, default, limit: 4)).Should().Be((4, true));
        (await Paging.CountAsync(units, page: 3, pageSize: 2, default, limit: 4)).Should().Be((6, true), "page 3 of 2 needs 6 counted");
        (await Paging.CountAsync(units, page: 1, pageSize: 2, default, limit: exact)).Should().Be((exact, false));
        (await Paging.CountAsync(units, page: 1, pageSize: 2, default)).Should().Be((exact, false), "below the default limit the count is exact");
    }

    [Fact]
    public async Task The_count_after_a_page_equals_the_count_whether_the_page_tells_it_or_the_query_runs_again()
    {
        await using var db = database.CreateDbContext();
        var units = db.Units.AsNoTracking().OrderBy(u => u.Code);
        var exact = await units.CountAsync();
        const int pageSize = 4;
        var lastPage = (exact + pageSize - 1) / pageSize;

        foreach (var page in new[] { 1, 2, lastPage, lastPage + 1 })
        {
            var items = await units.Skip((page - 1) * pageSize).Take(pageSize).CountAsync();
            (await Paging.CountAfterPageAsync(units, page, pageSize, items, default))
                .Should().Be(await Paging.CountAsync(units, page, pageSize, default), $"page {page} of {lastPage}");
        }
        (await Paging.CountAfterPageAsync(units.Where(u => false), 1, pageSize, 0, default)).Should().Be((0, false));
    }
}
