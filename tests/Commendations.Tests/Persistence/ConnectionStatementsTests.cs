using Commendations.Persistence;
using Step = Commendations.Persistence.ConnectionStatements.Step;

namespace Commendations.Tests.Persistence;

/// <summary>Which statements a connection prepares, as Npgsql's auto-prepare chose them: the second run, at most 100.</summary>
public class ConnectionStatementsTests
{
    [Fact]
    public void A_statement_is_prepared_on_its_second_run_and_stays_prepared()
    {
        var statements = new ConnectionStatements();

        statements.Next("SELECT 1").Should().Be(Step.RunAsIs);
        statements.Next("SELECT 1").Should().Be(Step.Prepare);
        statements.Prepared("SELECT 1");
        statements.Next("SELECT 1").Should().Be(Step.Prepare, "preparing it again costs nothing: Npgsql finds it");
    }

    [Fact]
    public void A_statement_the_server_refused_to_prepare_is_tried_again_later()
    {
        var statements = new ConnectionStatements();
        statements.Next("SELECT x").Should().Be(Step.RunAsIs);
        statements.Next("SELECT x").Should().Be(Step.Prepare);

        statements.Next("SELECT x").Should().Be(Step.Prepare, "it was not recorded as prepared");
    }

    [Fact]
    public void A_full_budget_drops_everything_before_preparing_the_next_and_batches_count_per_statement()
    {
        var statements = new ConnectionStatements();
        void Prepare(string sql)
        {
            statements.Next(sql);
            statements.Next(sql).Should().NotBe(Step.RunAsIs);
            statements.Prepared(sql);
        }
        for (var i = 0; i < ConnectionStatements.MaxPrepared - 2; i++)
            Prepare($"SELECT {i}");
        Prepare("UPDATE a SET b = @p0;\nINSERT INTO c VALUES (@p1);\n");

        statements.Next("SELECT next").Should().Be(Step.RunAsIs);
        statements.Next("SELECT next").Should().Be(Step.DropAllThenPrepare);
        statements.DroppedAll();
        statements.Prepared("SELECT next");
        statements.Next("SELECT 0").Should().Be(Step.RunAsIs, "dropped with the rest, it earns its place again");
    }

    [Fact]
    public void A_batch_of_single_statements_is_prepared_once_any_of_them_runs_a_second_time()
    {
        var statements = new ConnectionStatements();
        statements.Next(["UPDATE a", "INSERT b"]).Should().Be(Step.RunAsIs, "each is on its first run");
        statements.Next(["UPDATE a", "INSERT c"]).Should().Be(Step.Prepare, "UPDATE a runs a second time");
        foreach (var sql in new[] { "UPDATE a", "INSERT c" })
            statements.Prepared(sql);

        statements.Next(["UPDATE a"]).Should().Be(Step.Prepare, "already prepared: Npgsql sends nothing");
        statements.Next(["INSERT d"]).Should().Be(Step.RunAsIs, "a statement never seen is not prepared because another was");
    }
}
