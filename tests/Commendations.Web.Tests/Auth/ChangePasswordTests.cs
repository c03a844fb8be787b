using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;

namespace Commendations.Web.Tests.Auth;

public class ChangePasswordTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Invalid_input_is_answered_with_field_errors_and_changes_nothing()
    {
        var client = await app.ClientFor(DemoAccounts.Appraiser);

        var missing = await (await client.PostAsJsonAsync("/api/auth/change-password", new { })).ShouldBeValidationProblem();
        missing.Errors.Keys.Should().BeEquivalentTo("currentPassword", "newPassword");

        var wrongCurrent = await (await client.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = "Wrong@2026", newPassword = "Another@2026" })).ShouldBeValidationProblem();
        wrongCurrent.Errors.Should().ContainKey("currentPassword").WhoseValue.Should().Equal("Mật khẩu hiện tại không đúng.");

        var tooWeak = await (await client.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = DemoAccounts.Password, newPassword = "short" })).ShouldBeValidationProblem();
        tooWeak.Errors.Should().ContainKey("newPassword").WhoseValue.Should().Contain(m => m.Contains("ít nhất 12 ký tự"));

        var same = await (await client.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = DemoAccounts.Password, newPassword = DemoAccounts.Password })).ShouldBeValidationProblem();
        same.Errors.Should().ContainKey("newPassword");

        (await app.LoginAsync(DemoAccounts.Appraiser.UserName, DemoAccounts.Password)).AccessToken.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Bearer_client_changes_its_password_and_gets_a_fresh_token_pair()
    {
        var user = DemoAccounts.SteeringHead.UserName;
        var old = await app.LoginAsync(user, DemoAccounts.Password);
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", old.AccessToken);

        var response = await client.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = DemoAccounts.Password, newPassword = "Changed@2026" });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var fresh = await response.Content.ReadFromJsonAsync<AccessTokenResponse>();
        (await app.AnonymousClient().PostAsJsonAsync("/api/auth/refresh", new { fresh!.RefreshToken })).StatusCode.Should().Be(HttpStatusCode.OK);
        // The old refresh token died with the old security stamp; the old password no longer signs in.
        await (await app.AnonymousClient().PostAsJsonAsync("/api/auth/refresh", new { old.RefreshToken })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await app.AnonymousClient().PostAsJsonAsync("/api/auth/login", new { userName = user, password = DemoAccounts.Password }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await app.LoginAsync(user, "Changed@2026")).AccessToken.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Cookie_session_survives_its_own_password_change()
    {
        var browser = app.BrowserClient();
        (await browser.PostAsJsonAsync("/api/auth/login",
            new { userName = DemoAccounts.Admin.UserName, password = DemoAccounts.Password, useCookie = true })).EnsureSuccessStatusCode();

        var response = await browser.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = DemoAccounts.Password, newPassword = "Changed@2026" });

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.GetValues("Set-Cookie").Should().NotBeEmpty();
        (await browser.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.LoginAsync(DemoAccounts.Admin.UserName, "Changed@2026")).AccessToken.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Anonymous_change_password_is_401()
    {
        await (await app.AnonymousClient().PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = DemoAccounts.Password, newPassword = "Changed@2026" })).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }
}
