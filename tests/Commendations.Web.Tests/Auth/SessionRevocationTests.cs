using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commendations.Common.Security;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Npgsql;

namespace Commendations.Web.Tests.Auth;

/// <summary>
/// A session ends as soon as its account changes: locking, a new password, other roles or another unit refuse the user's
/// bearer tokens and cookies on the very next request (401), not when they expire.
/// </summary>
public class SessionRevocationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Locking_an_account_refuses_its_bearer_tokens_cookies_and_refresh_tokens_at_once()
    {
        var account = DemoAccounts.OfficerDongXuyen;
        var (bearer, cookie, refreshToken) = await app.SignInBothWaysAsync(account.UserName, DemoAccounts.Password);
        (await bearer.MeStatus()).Should().Be(HttpStatusCode.OK);
        (await cookie.MeStatus()).Should().Be(HttpStatusCode.OK);

        await LockAsync(account.UserName);

        await (await bearer.GetAsync("/api/auth/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await cookie.GetAsync("/api/auth/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await app.AnonymousClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken })).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Locking_renews_the_security_stamp()
    {
        var before = await app.SecurityStampAsync(DemoAccounts.CouncilMember9.UserName);

        await LockAsync(DemoAccounts.CouncilMember9.UserName);

        (await app.SecurityStampAsync(DemoAccounts.CouncilMember9.UserName)).Should().NotBe(before);
    }

    [Fact]
    public async Task A_locked_cookie_session_on_a_page_is_sent_to_the_sign_in_page()
    {
        var cookie = await app.CookieClientAsync(DemoAccounts.CouncilMember8.UserName, DemoAccounts.Password);
        (await cookie.GetAsync("/thong-bao")).StatusCode.Should().Be(HttpStatusCode.OK);

        await LockAsync(DemoAccounts.CouncilMember8.UserName);

        var page = await cookie.GetAsync("/thong-bao");
        page.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().Should().Contain("/dang-nhap");
    }

    [Fact]
    public async Task A_new_password_ends_the_users_other_sessions_at_once_and_keeps_this_one()
    {
        var user = DemoAccounts.SteeringDeputyHead.UserName;
        var (otherBearer, otherCookie, _) = await app.SignInBothWaysAsync(user, DemoAccounts.Password);
        var tokens = await app.LoginAsync(user, DemoAccounts.Password);
        (await otherBearer.MeStatus()).Should().Be(HttpStatusCode.OK);
        (await otherCookie.MeStatus()).Should().Be(HttpStatusCode.OK);

        var changed = await app.WithBearer(tokens.AccessToken).PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = DemoAccounts.Password, newPassword = "Cay-Da-Dau-Lang-2027" });
        changed.StatusCode.Should().Be(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());

        (await otherBearer.MeStatus()).Should().Be(HttpStatusCode.Unauthorized);
        (await otherCookie.MeStatus()).Should().Be(HttpStatusCode.Unauthorized);
        (await app.WithBearer(tokens.AccessToken).MeStatus()).Should().Be(HttpStatusCode.Unauthorized, "the token used for the change was issued before it");
        var fresh = await changed.Content.ReadFromJsonAsync<JsonElement>();
        (await app.WithBearer(fresh.GetProperty("accessToken").GetString()!).MeStatus()).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task New_roles_end_the_users_sessions_at_once()
    {
        var account = DemoAccounts.CouncilMember4;
        var (bearer, cookie, _) = await app.SignInBothWaysAsync(account.UserName, DemoAccounts.Password);
        (await bearer.MeStatus()).Should().Be(HttpStatusCode.OK);

        await UpdateAsync(account.UserName, roles: [Roles.CommitteeMember, Roles.Appraiser]);

        (await bearer.MeStatus()).Should().Be(HttpStatusCode.Unauthorized);
        (await cookie.MeStatus()).Should().Be(HttpStatusCode.Unauthorized);
        var again = await app.WithBearer((await app.LoginAsync(account.UserName, DemoAccounts.Password)).AccessToken)
            .GetFromJsonAsync<JsonElement>("/api/auth/me");
        again.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().BeEquivalentTo(Roles.CommitteeMember, Roles.Appraiser);
    }

    [Fact]
    public async Task Another_unit_ends_the_users_sessions_at_once()
    {
        var account = DemoAccounts.CouncilMember5;
        var (bearer, cookie, _) = await app.SignInBothWaysAsync(account.UserName, DemoAccounts.Password);
        (await cookie.MeStatus()).Should().Be(HttpStatusCode.OK);

        var units = await (await app.ClientFor(DemoAccounts.Admin)).GetFromJsonAsync<JsonElement>("/api/admin/units");
        var province = units.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == DemoUnits.Province).GetProperty("id").GetGuid();
        await UpdateAsync(account.UserName, unitId: province);

        (await bearer.MeStatus()).Should().Be(HttpStatusCode.Unauthorized);
        (await cookie.MeStatus()).Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_a_bearer_client_ends_its_access_tokens_at_once()
    {
        var tokens = await app.LoginAsync(DemoAccounts.CouncilMember6.UserName, DemoAccounts.Password);
        var client = app.WithBearer(tokens.AccessToken);

        (await client.PostAsync("/api/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await client.MeStatus()).Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unchanged_session_is_answered_from_memory_without_reading_the_account()
    {
        var user = DemoAccounts.CouncilMember7.UserName;
        var client = app.WithBearer((await app.LoginAsync(user, DemoAccounts.Password)).AccessToken);
        (await client.MeStatus()).Should().Be(HttpStatusCode.OK);

        // A change that does not announce itself (trigger off) is not seen: the session check did not read the row...
        await ExecuteAsync("ALTER TABLE users DISABLE TRIGGER users_notify_reference_data; " +
                           $"UPDATE users SET security_stamp = 'silently-changed' WHERE user_name = '{user}'; " +
                           "ALTER TABLE users ENABLE TRIGGER users_notify_reference_data");
        (await client.MeStatus()).Should().Be(HttpStatusCode.OK);

        // ...while an announced one is (any statement on users announces that the table changed).
        await ExecuteAsync($"UPDATE users SET security_stamp = 'changed-again' WHERE user_name = '{user}'");
        await SignInSteps.Soon(async () => await client.MeStatus() == HttpStatusCode.Unauthorized, "the announced change ends the session");
    }

    [Fact]
    public async Task A_token_this_node_already_opened_is_recognised_only_exactly_as_issued_and_still_ends_with_its_session()
    {
        var user = DemoAccounts.Clerk.UserName;
        var token = (await app.LoginAsync(user, DemoAccounts.Password)).AccessToken;
        (await app.WithBearer(token).MeStatus()).Should().Be(HttpStatusCode.OK, "the token is now opened and remembered");

        var altered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        await (await app.WithBearer(altered).GetAsync("/api/auth/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await app.WithBearer(token).MeStatus()).Should().Be(HttpStatusCode.OK);

        await LockAsync(user);
        await (await app.WithBearer(token).GetAsync("/api/auth/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    private async Task LockAsync(string userName)
    {
        var admin = await app.ClientFor(DemoAccounts.Admin);
        var locked = await admin.PostAsync($"/api/admin/users/{await app.UserIdAsync(userName)}/lock", null);
        locked.StatusCode.Should().Be(HttpStatusCode.NoContent, await locked.Content.ReadAsStringAsync());
    }

    private async Task UpdateAsync(string userName, string[]? roles = null, Guid? unitId = null)
    {
        var admin = await app.ClientFor(DemoAccounts.Admin);
        var row = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/users")).EnumerateArray()
            .Single(u => u.GetProperty("userName").GetString() == userName);
        var updated = await admin.PutAsJsonAsync($"/api/admin/users/{row.GetProperty("id").GetGuid()}", new
        {
            displayName = row.GetProperty("displayName").GetString(),
            title = row.GetProperty("title").GetString(),
            unitId = unitId ?? row.GetProperty("unitId").GetGuid(),
            roles = roles ?? row.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToArray(),
        });
        updated.StatusCode.Should().Be(HttpStatusCode.NoContent, await updated.Content.ReadAsStringAsync());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
