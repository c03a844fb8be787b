using System.Net;
using System.Net.Sockets;
using Commendations.Infrastructure.Postgres;
using Commendations.Persistence;
using Commendations.Testing;
using Commendations.Web.Errors;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Commendations.Web.Tests.Errors;

/// <summary>
/// Which failures mean "the database cannot be reached right now" (503) — each produced for real against PostgreSQL or a
/// socket, never a hand-made exception — and which are ordinary errors (500, or the app's own handling).
/// </summary>
public class DatabaseUnavailableTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Nothing_listening_on_the_port_is_unavailable_also_when_wrapped_by_ef_core()
    {
        var closed = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = PostgresServer.FreeLoopbackPort(), Timeout = 3 }.ConnectionString;

        var direct = await Record(async () => { await using var c = new NpgsqlConnection(closed); await c.OpenAsync(); });
        await using var db = new Persistence.CommendationsDbContext(new DbContextOptionsBuilder<Persistence.CommendationsDbContext>().UseCommendationsDatabase(closed).Options);
        var throughEf = await Record(() => db.Users.AnyAsync());

        direct.Should().BeAssignableTo<NpgsqlException>();
        DatabaseUnavailable.Is(direct).Should().BeTrue(direct.ToString());
        DatabaseUnavailable.Is(throughEf).Should().BeTrue(throughEf.ToString());
    }

    [Fact]
    public async Task A_server_that_accepts_but_never_answers_times_out_as_unavailable()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = port, Timeout = 1 }.ConnectionString;

        var timeout = await Record(async () => { await using var c = new NpgsqlConnection(connectionString); await c.OpenAsync(); });

        DatabaseUnavailable.Is(timeout).Should().BeTrue(timeout.ToString());
    }

    [Fact]
    public async Task A_connection_ended_by_the_server_57P01_is_unavailable()
    {
        await using var victim = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await victim.OpenAsync();
        await using (var admin = new NpgsqlConnection(database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand($"SELECT pg_terminate_backend({victim.ProcessID})", admin);
            await terminate.ExecuteScalarAsync();
        }

        var ended = await Record(async () => { await using var c = new NpgsqlCommand("SELECT 1", victim); await c.ExecuteScalarAsync(); });

        DatabaseUnavailable.Is(ended).Should().BeTrue(ended.ToString());
    }

    [Fact]
    public async Task Too_many_connections_53300_is_unavailable()
    {
        var role = "limited_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE ROLE {role} LOGIN PASSWORD 'Limited@2026' CONNECTION LIMIT 0", admin);
            await create.ExecuteNonQueryAsync();
        }
        var asRole = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role, Password = "Limited@2026", Pooling = false }.ConnectionString;

        var refused = await Record(async () => { await using var c = new NpgsqlConnection(asRole); await c.OpenAsync(); });

        refused.Should().BeOfType<PostgresException>().Which.SqlState.Should().Be(PostgresErrorCodes.TooManyConnections);
        DatabaseUnavailable.Is(refused).Should().BeTrue();
    }

    [Fact]
    public async Task Errors_of_one_statement_are_not_unavailability()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();

        var undefinedTable = await Record(async () => { await using var c = new NpgsqlCommand("SELECT * FROM no_such_table", connection); await c.ExecuteScalarAsync(); });
        var uniqueViolation = await Record(async () =>
        {
            await using var c = new NpgsqlCommand("CREATE TEMP TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1), (1)", connection);
            await c.ExecuteNonQueryAsync();
        });
        var divisionByZero = await Record(async () => { await using var c = new NpgsqlCommand("SELECT 1/0", connection); await c.ExecuteScalarAsync(); });

        DatabaseUnavailable.Is(undefinedTable).Should().BeFalse();
        DatabaseUnavailable.Is(uniqueViolation).Should().BeFalse();
        DatabaseUnavailable.Is(divisionByZero).Should().BeFalse();
        DatabaseUnavailable.Is(new InvalidOperationException("A bug.")).Should().BeFalse();
    }

    private static async Task<Exception> Record(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e)
        {
            return e;
        }
        throw new Xunit.Sdk.XunitException("Expected the database call to fail.");
    }
}
