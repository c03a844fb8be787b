using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Npgsql;

namespace Commendations.Web.Tests.Auth;

/// <summary>Two web nodes on one database, as behind a load balancer.</summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public AppFactory A { get; } = new();

    public AppFactory B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await A.InitializeAsync();
        _ = A.Server; // node A starts first and creates the Data Protection key; node B starts on the same database
        B = AppFactory.OnSameDatabaseAs(A);
        _ = B.Server;
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}

/// <summary>
/// Sessions work on every node (Data Protection keys live in the shared database) and end on every node at once when the
/// account changes on one of them (PostgreSQL NOTIFY drops the cached security stamps everywhere).
/// </summary>
public class TwoNodeTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task A_cookie_and_a_bearer_token_issued_by_node_A_work_on_node_B()
    {
        var tokens = await nodes.A.LoginAsync(DemoAccounts.Appraiser.UserName, DemoAccounts.Password);
        var login = await nodes.A.AnonymousClient().FromOwnPages().PostAsJsonAsync("/api/auth/login",
            new { userName = DemoAccounts.Appraiser.UserName, password = DemoAccounts.Password, useCookie = true });
        var cookie = SignInSteps.SignInCookie(login);

        (await nodes.B.WithBearer(tokens.AccessToken).MeStatus()).Should().Be(HttpStatusCode.OK);
        (await nodes.B.WithCookie(cookie).MeStatus()).Should().Be(HttpStatusCode.OK);
        (await nodes.B.AnonymousClient().PostAsJsonAsync("/api/auth/refresh", new { tokens.RefreshToken })).StatusCode.Should().Be(HttpStatusCode.OK);
        // One key ring, in the shared database: node B did not make a key of its own.
        await using var connection = new NpgsqlConnection(nodes.A.ConnectionString);
        await connection.OpenAsync();
        await using var keys = new NpgsqlCommand("SELECT count(*) FROM data_protection_keys", connection);
        ((long)(await keys.ExecuteScalarAsync())!).Should().Be(1);
    }

    [Fact]
    public async Task Locking_on_node_A_refuses_the_users_cookie_and_bearer_token_on_node_B_at_once()
    {
        var account = DemoAccounts.OfficerServiceCentre;
        var tokens = await nodes.A.LoginAsync(account.UserName, DemoAccounts.Password);
        var login = await nodes.A.AnonymousClient().FromOwnPages().PostAsJsonAsync("/api/auth/login",
            new { userName = account.UserName, password = DemoAccounts.Password, useCookie = true });
        var bearerOnB = nodes.B.WithBearer(tokens.AccessToken);
        var cookieOnB = nodes.B.WithCookie(SignInSteps.SignInCookie(login));
        // Node B has checked (and cached) both sessions before the change.
        (await bearerOnB.MeStatus()).Should().Be(HttpStatusCode.OK);
        (await cookieOnB.MeStatus()).Should().Be(HttpStatusCode.OK);

        var admin = await nodes.A.ClientFor(DemoAccounts.Admin);
        (await admin.PostAsync($"/api/admin/users/{await nodes.A.UserIdAsync(account.UserName)}/lock", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await SignInSteps.Soon(async () => await bearerOnB.MeStatus() == HttpStatusCode.Unauthorized, "node B refuses the bearer token");
        await SignInSteps.Soon(async () => await cookieOnB.MeStatus() == HttpStatusCode.Unauthorized, "node B refuses the cookie");
        (await nodes.A.WithBearer(tokens.AccessToken).MeStatus()).Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_new_password_on_node_B_ends_the_other_sessions_on_node_A()
    {
        var user = DemoAccounts.SteeringStandingMember.UserName;
        var onA = nodes.A.WithBearer((await nodes.A.LoginAsync(user, DemoAccounts.Password)).AccessToken);
        (await onA.MeStatus()).Should().Be(HttpStatusCode.OK);

        var onB = nodes.B.WithBearer((await nodes.B.LoginAsync(user, DemoAccounts.Password)).AccessToken);
        var changed = await onB.PostAsJsonAsync("/api/auth/change-password", new { currentPassword = DemoAccounts.Password, newPassword = "Mua-Thu-Ha-Noi-2027" });
        changed.StatusCode.Should().Be(HttpStatusCode.OK);

        var fresh = (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        (await nodes.A.WithBearer(fresh).MeStatus()).Should().Be(HttpStatusCode.OK);
        await SignInSteps.Soon(async () => await onA.MeStatus() == HttpStatusCode.Unauthorized, "node A refuses the older session");
    }

    [Fact]
    public async Task A_session_newer_than_what_a_node_has_heard_is_accepted_there()
    {
        var user = DemoAccounts.CouncilMember9.UserName;
        var onA = nodes.A.WithBearer((await nodes.A.LoginAsync(user, DemoAccounts.Password)).AccessToken);
        (await onA.MeStatus()).Should().Be(HttpStatusCode.OK); // node A caches the current stamp

        await using var connection = new NpgsqlConnection(nodes.A.ConnectionString);
        await connection.OpenAsync();
        await using (var silence = new NpgsqlCommand("ALTER TABLE users DISABLE TRIGGER users_notify_reference_data", connection))
            await silence.ExecuteNonQueryAsync();
        try
        {
            // A new password on node B that node A does not hear of: the session it issues has a stamp A has not cached.
            var onB = nodes.B.WithBearer((await nodes.B.LoginAsync(user, DemoAccounts.Password)).AccessToken);
            var changed = await onB.PostAsJsonAsync("/api/auth/change-password", new { currentPassword = DemoAccounts.Password, newPassword = "Dong-Xuan-Cho-Tet-2027" });
            changed.StatusCode.Should().Be(HttpStatusCode.OK);
            var fresh = (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;

            (await nodes.A.WithBearer(fresh).MeStatus()).Should().Be(HttpStatusCode.OK, "a refusal is confirmed against the row, never taken from the cache");
        }
        finally
        {
            await using var announce = new NpgsqlCommand("ALTER TABLE users ENABLE TRIGGER users_notify_reference_data", connection);
            await announce.ExecuteNonQueryAsync();
        }
    }
}
