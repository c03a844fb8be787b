using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Commendations.Tests.Persistence;

/// <summary>The use cases over a single connection: what one server session prepares is then visible to the test.</summary>
public sealed class OneConnectionHarness : LifecycleHarness
{
    protected override string Tune(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 1, ApplicationName = "one-connection" }.ConnectionString;
}

/// <summary>The performance intent auto-prepare served is kept: the statements of an approval run prepared.</summary>
public class StatementPreparationTests(OneConnectionHarness app) : IClassFixture<OneConnectionHarness>
{
    [Fact]
    public async Task The_statements_of_an_approval_run_prepared_once_hot()
    {
        var steps = new NominationSteps(app);
        for (var i = 0; i < 4; i++)
        {
            var id = await steps.SubmittedCollectiveAsync();
            await steps.ActAsync(NominationSteps.SteeringInOrder[0], id, "approve", "Đồng ý.");
        }

        await using var db = app.CreateDbContext();
        var prepared = await db.Database.SqlQuery<PreparedStatementRow>(
            $"SELECT statement AS \"Statement\", generic_plans + custom_plans AS \"Runs\" FROM pg_prepared_statements").ToListAsync();

        prepared.Should().Contain(s => s.Statement.Contains("audit_streams") && s.Statement.Contains("UPDATE") && s.Runs >= 2,
            "the head's update runs prepared on every approval");
        prepared.Should().Contain(s => s.Statement.Contains("INSERT INTO audit_entries") && s.Runs >= 2);
        prepared.Where(s => s.Runs >= 3).Should().HaveCountGreaterThan(10, "the hot path's reads and writes are reused, not parsed again");
    }

    private sealed record PreparedStatementRow(string Statement, long Runs);
}
