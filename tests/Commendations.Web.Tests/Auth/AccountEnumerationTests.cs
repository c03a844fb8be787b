using System.Diagnostics;
using System.Net;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Npgsql;

namespace Commendations.Web.Tests.Auth;

/// <summary>
/// A failed sign-in says nothing about the account: an unknown name, a wrong password, and the right password of a locked
/// (by an administrator) or temporarily locked-out account get the same status and body, in about the same time.
/// </summary>
public class AccountEnumerationTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string WrongPassword = "Khong-Phai-Mat-Khau";
    private static readonly string Unknown = "khong.ton.tai";
    private static readonly string WrongPasswordUser = DemoAccounts.OfficerTanHoa.UserName;
    private static readonly string LockedByAdministrator = DemoAccounts.CouncilMember6.UserName;
    private static readonly string LockedOutForAWhile = DemoAccounts.CouncilMember7.UserName;
    private int _address;

    public async Task InitializeAsync()
    {
        var admin = await app.ClientFor(DemoAccounts.Admin);
        (await admin.PostAsync($"/api/admin/users/{await app.UserIdAsync(LockedByAdministrator)}/lock", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"UPDATE users SET lockout_end = now() + interval '1 hour', access_failed_count = 0 WHERE user_name = '{LockedOutForAWhile}'", connection);
        await command.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_refusal_has_the_same_status_and_body()
    {
        var answers = new[]
        {
            await Attempt(Unknown, WrongPassword),
            await Attempt(WrongPasswordUser, WrongPassword),
            await Attempt(LockedByAdministrator, DemoAccounts.Password),
            await Attempt(LockedOutForAWhile, DemoAccounts.Password),
        };

        answers.Select(a => a.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        var bodies = await Task.WhenAll(answers.Select(SignInSteps.ProblemWithoutTrace));
        bodies.Distinct().Should().ContainSingle(string.Join(Environment.NewLine, bodies));
        (await answers[0].ShouldBeProblem(HttpStatusCode.Unauthorized)).Code().Should().Be("invalid_credentials");
    }

    [Fact]
    public async Task Every_refusal_takes_about_as_long_as_a_wrong_password()
    {
        await Attempt(Unknown, WrongPassword); // warm-up: the first unknown name computes the reference hash
        (string Name, string Password)[] kinds =
            [(WrongPasswordUser, WrongPassword), (Unknown, WrongPassword), (LockedByAdministrator, DemoAccounts.Password), (LockedOutForAWhile, DemoAccounts.Password)];
        var times = kinds.Select(_ => new List<double>()).ToArray();
        // Round-robin, so that the load of whatever else runs on the machine falls on every kind alike.
        for (var round = 0; round < 7; round++)
        {
            for (var k = 0; k < kinds.Length; k++)
            {
                var clock = Stopwatch.StartNew();
                (await Attempt(kinds[k].Name, kinds[k].Password)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
                times[k].Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        var medians = times.Select(t => t.Order().ElementAt(t.Count / 2)).ToArray();
        // Before, a locked account answered without hashing: about 1 ms against 100 ms or more for a wrong password.
        for (var k = 1; k < kinds.Length; k++)
            (medians[k] / medians[0]).Should().BeInRange(0.33, 3.0, $"{kinds[k].Name} answered in {medians[k]:0.0} ms, a wrong password in {medians[0]:0.0} ms");
    }

    /// <summary>Each attempt from its own address, so the per-address throttle never answers instead.</summary>
    private Task<HttpResponseMessage> Attempt(string userName, string password) =>
        app.LoginFrom($"10.20.{Interlocked.Increment(ref _address) / 250}.{_address % 250 + 1}", userName, password);
}
