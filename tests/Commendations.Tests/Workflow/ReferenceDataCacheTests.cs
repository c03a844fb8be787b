using Commendations.Domain.Calendar;
using Commendations.Persistence;
using Commendations.Testing;
using Commendations.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Commendations.Tests.Workflow;

/// <summary>
/// The engine's reference data (calendar, committees...) is kept in memory per node and must never be stale: a change
/// committed anywhere — another node, a script — reaches every node's cache through PostgreSQL's NOTIFY.
/// </summary>
public class ReferenceDataCacheTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    // A Wednesday with no holiday in the seeded calendar.
    private static readonly DateOnly Day = new(2026, 12, 2);
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        // Before the listener connects, so that no announcement of this clean-up can arrive in the middle of a test.
        await ExecuteAsync("DELETE FROM calendar_days WHERE date = '2026-12-02'");
        _services = new ServiceCollection().AddLogging().AddCommendations(database.ConnectionString, demoScopes: true).AddTestAuditKey().BuildServiceProvider();
        await Listener.StartAsync(default);
        await WaitUntil(() => Cache.IsListening, "the listener connects");
    }

    public async Task DisposeAsync()
    {
        await Listener.StopAsync(default);
        await _services.DisposeAsync();
    }

    private ReferenceDataCache Cache => _services.GetRequiredService<ReferenceDataCache>();
    private IHostedService Listener => _services.GetServices<IHostedService>().OfType<ReferenceDataListener>().Single();

    [Fact]
    public async Task A_holiday_added_by_another_connection_is_seen_by_the_next_transition()
    {
        (await IsWorkingDayAsync()).Should().BeTrue("the calendar is now in the cache");

        await using (var other = database.CreateDbContext())
        {
            other.CalendarDays.Add(new CalendarDay(Day, CalendarDayKind.DayOff, "Nghỉ bù (thử nghiệm)"));
            await other.SaveChangesAsync();
        }

        await WaitUntilAsync(async () => !await IsWorkingDayAsync(), "the committed holiday reaches the cache");
    }

    [Fact]
    public async Task Values_are_served_from_memory_until_a_change_is_announced()
    {
        (await IsWorkingDayAsync()).Should().BeTrue();
        // A change that does not announce itself proves the cache answers without reading the table...
        await ExecuteAsync("ALTER TABLE calendar_days DISABLE TRIGGER calendar_days_notify_reference_data; " +
                           "INSERT INTO calendar_days (date, kind, name, provisional, source) VALUES ('2026-12-02', 'DayOff', 'silent', false, ''); " +
                           "ALTER TABLE calendar_days ENABLE TRIGGER calendar_days_notify_reference_data");
        (await IsWorkingDayAsync()).Should().BeTrue("nothing announced a change, so the kept calendar is used");

        // ...and the announcement is what makes it reload.
        await ExecuteAsync("NOTIFY reference_data, 'calendar_days'");
        await WaitUntilAsync(async () => !await IsWorkingDayAsync(), "the announcement invalidates the calendar");
    }

    [Fact]
    public async Task A_change_committed_through_this_node_is_seen_by_it_at_once_without_waiting_for_the_announcement()
    {
        (await IsWorkingDayAsync()).Should().BeTrue();
        await ExecuteAsync("ALTER TABLE calendar_days DISABLE TRIGGER calendar_days_notify_reference_data");
        try
        {
            await using var scope = _services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.CalendarDays.Add(new CalendarDay(Day, CalendarDayKind.DayOff, "Nghỉ bù (thử nghiệm)"));
                await db.SaveChangesAsync();
                (await IsWorkingDayAsync()).Should().BeTrue("nothing is committed yet");
                await transaction.CommitAsync();
            }

            (await IsWorkingDayAsync()).Should().BeFalse("the commit itself dropped this node's copy (no announcement was sent)");
        }
        finally
        {
            await ExecuteAsync("ALTER TABLE calendar_days ENABLE TRIGGER calendar_days_notify_reference_data");
        }
    }

    [Fact]
    public async Task A_tracked_committee_reordered_and_committed_through_this_node_is_seen_by_it_at_once()
    {
        // A change made by setting properties of a loaded entity (found only by change detection), not by adding a row.
        var code = await FirstCommitteeWithTwoMembersAsync();
        var before = (await CommitteesAsync())[code];
        await ExecuteAsync("ALTER TABLE committees DISABLE TRIGGER committees_notify_reference_data");
        try
        {
            await using var scope = _services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                var committee = await db.Committees.SingleAsync(c => c.Code == code);
                committee.MoveMember(committee.MembersInOrder()[1], up: true).Should().BeTrue();
                await db.SaveChangesAsync();
                (await CommitteesAsync())[code].Should().Equal(before, "nothing is committed yet");
                await transaction.CommitAsync();
            }

            (await CommitteesAsync())[code].Should().Equal(new[] { before[1], before[0] }.Concat(before.Skip(2)),
                "the commit dropped this node's copy of the committees (no announcement was sent)");
        }
        finally
        {
            await ExecuteAsync("ALTER TABLE committees ENABLE TRIGGER committees_notify_reference_data");
        }
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> CommitteesAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RuntimeContextFactory>().CommitteesAsync(default);
    }

    private async Task<string> FirstCommitteeWithTwoMembersAsync() =>
        (await CommitteesAsync()).Where(c => c.Value.Count >= 2).Select(c => c.Key).OrderBy(c => c, StringComparer.Ordinal).First();

    [Fact]
    public async Task Without_the_listener_nothing_is_cached()
    {
        (await IsWorkingDayAsync()).Should().BeTrue();
        await Listener.StopAsync(default);
        Cache.IsListening.Should().BeFalse();

        await ExecuteAsync("ALTER TABLE calendar_days DISABLE TRIGGER calendar_days_notify_reference_data; " +
                           "INSERT INTO calendar_days (date, kind, name, provisional, source) VALUES ('2026-12-02', 'DayOff', 'silent', false, ''); " +
                           "ALTER TABLE calendar_days ENABLE TRIGGER calendar_days_notify_reference_data");

        (await IsWorkingDayAsync()).Should().BeFalse("a change could go unheard, so every read goes to the database");
        await Listener.StartAsync(default);
        await WaitUntil(() => Cache.IsListening, "the listener reconnects");
    }

    [Fact]
    public async Task Every_cached_table_announces_its_changes()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE '%_notify_reference_data'", connection);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }

        tables.Should().BeEquivalentTo(ReferenceDataCache.Tables);
    }

    private async Task<bool> IsWorkingDayAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var calendar = await scope.ServiceProvider.GetRequiredService<RuntimeContextFactory>().CalendarAsync(default);
        return calendar.IsWorkingDay(Day);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static Task WaitUntil(Func<bool> condition, string because) => WaitUntilAsync(() => Task.FromResult(condition()), because);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited 10 s for: {because}.");
            await Task.Delay(25);
        }
    }
}
