using System.Collections.Concurrent;
using System.Globalization;
using Commendations.Domain.Units;
using Commendations.Features.Nominations;
using Commendations.Features.Registry;
using Commendations.Persistence;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Commendations.Tests.Persistence;

/// <summary>The use cases over a pool of two connections, so every failure happens on a connection the next request reuses.</summary>
public sealed class TwoConnectionHarness : LifecycleHarness
{
    protected override string Tune(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 2 }.ConnectionString;
}

/// <summary>
/// A statement PostgreSQL refuses must never leave its pooled connection out of step with the server: with Npgsql's
/// auto-prepare, a statement refused at Bind on the use that prepared it (a NUL byte, a division by zero folded from a
/// parameter) stayed "prepared" without its row description, and the next request to run it on that connection got
/// "Received unexpected backend message DataRow" (a 500).
/// </summary>
public class PooledConnectionRecoveryTests(TwoConnectionHarness app) : IClassFixture<TwoConnectionHarness>
{
    private const string Marker = "Bể kết nối";
    private const int RoundsPerWorker = 150;
    private const int NominationsPerWorker = 3;

    [Fact]
    public async Task Failing_statements_interleaved_with_normal_use_cases_never_break_a_later_one()
    {
        // Each failing operation has a normal twin of the same SQL shape, so the twin runs the very statement that failed.
        var steps = new NominationSteps(app);
        var ids = new List<Guid>();
        for (var i = 0; i < 2 * NominationsPerWorker; i++)
            ids.Add(await steps.DraftCollectiveAsync(name: $"{Marker} {i}"));
        var registryLines = (await app.Send(DemoAccounts.Admin, new SearchRegistry(Person: "Nguyễn"))).TotalCount;
        string existingUnitCode;
        await using (var db = app.CreateDbContext())
            existingUnitCode = await db.Units.Select(u => u.Code).FirstAsync();

        Func<int, Task>[] failing =
        [
            // Refused at Bind: the text parameter carries a NUL byte (SQLSTATE 22021).
            _ => app.Send(DemoAccounts.OfficerTanHoa, new ListNominations(Search: "Bể\0")),
            _ => app.Send(DemoAccounts.Admin, new SearchRegistry(Person: "Nguyễn\0")),
            // Refused at Bind inside a SaveChanges batch (the collective's new name).
            round => app.Send(DemoAccounts.OfficerTanHoa, new EditNomination(Own(ids, round), null,
                new CollectiveInput($"{Marker} {round}\0", 28, 13, 20), $"Sửa lần {round}")),
            // Refused at Bind with no control character at all: the planner folds 840 / $1 with the value 0 (22012).
            _ => Query(db => db.Database.SqlQuery<int>($"SELECT 840 / {0} AS \"Value\"").ToListAsync()),
            // Refused at execution: a unique code (23505).
            _ => Query(async db =>
            {
                db.Units.Add(new OrganisationUnit(existingUnitCode, "Trùng mã", UnitLevel.Commune));
                return await db.SaveChangesAsync();
            }),
            // Cancelled by its token in the middle of reading: 500 wide rows stream out, then the server sleeps before the rest.
            _ => Query(async db =>
            {
                using var cancel = new CancellationTokenSource();
                var read = 0;
                await foreach (var _ in db.Database.SqlQuery<string>(
                                       $"SELECT repeat('x', 1000) AS \"Value\" FROM generate_series(1, 600) g WHERE g <= 500 OR (SELECT false FROM pg_sleep(10))")
                                   .AsAsyncEnumerable().WithCancellation(cancel.Token))
                {
                    if (++read == 10)
                        cancel.Cancel();
                }
                return read;
            }),
            // The application throws while a reader is still open.
            _ => Query(async db =>
            {
                var read = 0;
                await foreach (var _ in db.Database.SqlQuery<int>($"SELECT g AS \"Value\" FROM generate_series(1, 200000) g").AsAsyncEnumerable())
                {
                    if (++read == 10)
                        throw new InvalidOperationException("The caller gave up half-way.");
                }
                return read;
            }),
        ];

        Func<int, Task>[] normal =
        [
            async _ =>
            {
                var page = await app.Send(DemoAccounts.OfficerTanHoa, new ListNominations(Search: Marker));
                page.TotalCount.Should().Be(ids.Count);
                page.Items.Should().OnlyContain(n => n.NomineeName.StartsWith(Marker)).And.HaveCount(ids.Count);
            },
            async _ => (await app.Send(DemoAccounts.Admin, new SearchRegistry(Person: "Nguyễn"))).TotalCount.Should().Be(registryLines),
            async round =>
            {
                var id = Own(ids, round);
                await app.Send(DemoAccounts.OfficerTanHoa, new EditNomination(id, null,
                    new CollectiveInput($"{Marker} {round}", 28, 13, 20), $"Sửa lần {round}"));
                var detail = await app.Send(DemoAccounts.OfficerTanHoa, new GetNomination(id));
                detail.NomineeName.Should().Be($"{Marker} {round}");
                detail.AchievementSummary.Should().Be($"Sửa lần {round}");
            },
            async round =>
            {
                var divisor = round % 7 + 1;
                (await Query(db => db.Database.SqlQuery<int>($"SELECT 840 / {divisor} AS \"Value\"").ToListAsync()))
                    .Should().Equal(840 / divisor);
            },
        ];

        var unexpected = new ConcurrentBag<string>();
        var refused = 0;
        async Task Worker(int worker)
        {
            for (var i = 0; i < RoundsPerWorker; i++)
            {
                var round = worker * RoundsPerWorker + i;
                try
                {
                    await failing[round % failing.Length](round);
                    unexpected.Add($"round {round}: failing operation {round % failing.Length} succeeded");
                }
                catch (Exception e) when (e is not Xunit.Sdk.XunitException)
                {
                    Interlocked.Increment(ref refused);
                }
                try
                {
                    await normal[round % normal.Length](round);
                }
                catch (Exception e)
                {
                    unexpected.Add($"round {round}: normal operation {round % normal.Length} failed: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        await Task.WhenAll(Worker(0), Worker(1));

        unexpected.Should().BeEmpty();
        refused.Should().Be(2 * RoundsPerWorker);
    }

    [Fact]
    public async Task A_hot_statement_stays_prepared_on_the_server_and_survives_a_refused_bind_on_the_use_that_prepares_it()
    {
        // A pool of its own with one connection: every use below runs on the same server session.
        var connectionString = new NpgsqlConnectionStringBuilder(app.ConnectionString) { MaxPoolSize = 1, ApplicationName = "prepare-once" }.ConnectionString;
        CommendationsDbContext Open() => new(new DbContextOptionsBuilder<CommendationsDbContext>().UseCommendationsDatabase(connectionString).Options);
        async Task<List<int>> Divide(int divisor)
        {
            await using var db = Open();
            return await db.Database.SqlQuery<int>($"SELECT 9240 / {divisor} AS \"Value\"").ToListAsync();
        }

        (await Divide(7)).Should().Equal(1320);
        var refused = () => Divide(0);
        (await refused.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.DivisionByZero);
        (await Divide(11)).Should().ContainSingle().Which.Should().Be(840, "the statement prepared by the refused use keeps its row description");
        (await Divide(12)).Should().Equal(770);

        await using var check = Open();
        var prepared = await check.Database.SqlQuery<string>($"SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
        prepared.Should().Contain(sql => sql.Contains("9240 /"), "PostgreSQL keeps the hot statement parsed and planned");
    }

    [Fact]
    public async Task A_connection_keeps_at_most_its_budget_of_prepared_statements_and_keeps_answering()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(app.ConnectionString) { MaxPoolSize = 1, ApplicationName = "prepare-budget" }.ConnectionString;
        await using var db = new CommendationsDbContext(new DbContextOptionsBuilder<CommendationsDbContext>().UseCommendationsDatabase(connectionString).Options);
        await db.Database.OpenConnectionAsync();

        // 130 different statements, each run twice: the budget (100) fills and the connection starts over.
        for (var i = 0; i < 130; i++)
        {
            var sql = string.Create(CultureInfo.InvariantCulture, $"SELECT {i} + @p AS \"Value\"");
            for (var run = 0; run < 2; run++)
                (await db.Database.SqlQueryRaw<int>(sql, new NpgsqlParameter("p", run)).ToListAsync()).Should().Equal(i + run);
        }

        var prepared = await db.Database.SqlQuery<string>($"SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
        prepared.Count.Should().BeInRange(1, ConnectionStatements.MaxPrepared);
        prepared.Should().Contain(sql => sql.Contains("SELECT 129 + "), "the latest hot statement is prepared");
    }

    /// <summary>Each worker edits only its own nominations: two edits of one nomination at once are a real conflict.</summary>
    private static Guid Own(List<Guid> ids, int round) =>
        ids[round / RoundsPerWorker * NominationsPerWorker + round % NominationsPerWorker];

    private async Task<T> Query<T>(Func<CommendationsDbContext, Task<T>> query)
    {
        await using var db = app.CreateDbContext();
        return await query(db);
    }
}
