using Commendations.Domain.Units;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Persistence;

public class MigrationAndConcurrencyTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Every_migration_is_applied_to_the_test_database()
    {
        await using var db = database.CreateDbContext();

        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).Should().Contain(m => m.EndsWith("_Baseline"), "the history starts from the baseline");
        (await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_name LIKE 'qrtz\\_%'").SingleAsync())
            .Should().Be(15, "Quartz's tables come with the baseline");
    }

    [Fact]
    public async Task A_unit_round_trips_with_its_concurrency_token()
    {
        var unit = new OrganisationUnit("RT-1", "UBND xã Tân Hòa", UnitLevel.Commune);
        await using (var db = database.CreateDbContext())
        {
            db.Units.Add(unit);
            await db.SaveChangesAsync();
        }

        await using var reader = database.CreateDbContext();
        var loaded = await reader.Units.SingleAsync(u => u.Id == unit.Id);
        loaded.Name.Should().Be("UBND xã Tân Hòa");
        loaded.Level.Should().Be(UnitLevel.Commune);
        loaded.Version.Should().NotBe(0u, "xmin is assigned by PostgreSQL on insert");
        loaded.Version.Should().Be(unit.Version, "the token read back equals the one returned on save");
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_is_refused()
    {
        var unit = new OrganisationUnit("RT-2", "Before", UnitLevel.Commune);
        await using (var db = database.CreateDbContext())
        {
            db.Units.Add(unit);
            await db.SaveChangesAsync();
        }

        await using var first = database.CreateDbContext();
        await using var second = database.CreateDbContext();
        var a = await first.Units.SingleAsync(u => u.Id == unit.Id);
        var b = await second.Units.SingleAsync(u => u.Id == unit.Id);
        a.Rename("First editor");
        b.Rename("Second editor");
        await first.SaveChangesAsync();

        var save = () => second.SaveChangesAsync();

        await save.Should().ThrowAsync<DbUpdateConcurrencyException>();
        await using var check = database.CreateDbContext();
        (await check.Units.SingleAsync(u => u.Id == unit.Id)).Name.Should().Be("First editor");
    }

    [Fact]
    public async Task Statuses_are_stored_as_readable_strings()
    {
        await using var db = database.CreateDbContext();
        db.Units.Add(new OrganisationUnit("RT-3", "Sở Nội vụ", UnitLevel.Department));
        await db.SaveChangesAsync();

        var level = await db.Database.SqlQueryRaw<string>("SELECT level AS \"Value\" FROM units WHERE code = 'RT-3'").SingleAsync();

        level.Should().Be("Department");
    }
}
