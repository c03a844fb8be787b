using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Commendations.Common.Security;
using Commendations.Seeding;
using Commendations.Web.Auth;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;

namespace Commendations.Web.Tests.Auth;

public class LoginTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Bearer_login_then_me_returns_the_users_role_and_unit()
    {
        var tokens = await app.LoginAsync(DemoAccounts.OfficerTanHoa.UserName, DemoAccounts.Password);
        tokens.TokenType.Should().Be("Bearer");
        tokens.ExpiresIn.Should().Be(3600);
        tokens.RefreshToken.Should().NotBeNullOrEmpty();

        var client = await app.ClientFor(DemoAccounts.OfficerTanHoa);
        var me = await client.GetFromJsonAsync<MeResponse>("/api/auth/me");

        me!.UserName.Should().Be("canbo.tanhoa");
        me.DisplayName.Should().Be("Nguyễn Văn An");
        me.Title.Should().Be("Cán bộ thi đua");
        me.Roles.Should().Equal(Roles.EmulationOfficer);
        me.UnitId.Should().NotBeNull();
        me.UnitName.Should().Be("UBND xã Tân Hòa");
        me.UserId.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Each_demo_role_signs_in()
    {
        foreach (var account in DemoAccounts.All.DistinctBy(a => a.Role))
        {
            var me = await (await app.ClientFor(account)).GetFromJsonAsync<MeResponse>("/api/auth/me");
            me!.Roles.Should().Equal(account.Role);
        }
    }

    [Fact]
    public async Task Cookie_login_signs_the_browser_in_and_logout_signs_it_out()
    {
        var browser = app.BrowserClient();

        var login = await browser.PostAsJsonAsync("/api/auth/login",
            new { userName = DemoAccounts.Leader.UserName, password = DemoAccounts.Password, useCookie = true });

        login.StatusCode.Should().Be(HttpStatusCode.NoContent);
        login.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith(AuthSetup.CookieName + "=") && c.Contains("httponly"));
        var me = await browser.GetFromJsonAsync<MeResponse>("/api/auth/me");
        me!.Roles.Should().Equal(Roles.ProvincialLeader);
        me.UnitName.Should().Be("Ủy ban nhân dân tỉnh Lam Giang");

        (await browser.PostAsync("/api/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await browser.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_get_the_same_401_problem()
    {
        var client = app.AnonymousClient();

        var wrongPassword = await (await client.PostAsJsonAsync("/api/auth/login",
            new { userName = DemoAccounts.Appraiser.UserName, password = "Wrong@2026" })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        var unknownUser = await (await client.PostAsJsonAsync("/api/auth/login",
            new { userName = "nobody.here", password = DemoAccounts.Password })).ShouldBeProblem(HttpStatusCode.Unauthorized);

        wrongPassword.Detail.Should().Be("Tên đăng nhập hoặc mật khẩu không đúng.");
        unknownUser.Detail.Should().Be(wrongPassword.Detail);
        unknownUser.Code().Should().Be("invalid_credentials");
    }

    [Fact]
    public async Task Missing_fields_are_field_errors()
    {
        var problem = await (await app.AnonymousClient().PostAsJsonAsync("/api/auth/login", new { userName = " " })).ShouldBeValidationProblem();

        problem.Errors.Keys.Should().BeEquivalentTo("userName", "password");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    public async Task Unauthenticated_api_call_gets_401_problem_not_a_redirect(string? authorization)
    {
        var client = app.AnonymousClient();
        if (authorization is not null)
            client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);

        var response = await client.GetAsync("/api/auth/me");

        var problem = await response.ShouldBeProblem(HttpStatusCode.Unauthorized);
        response.Headers.Location.Should().BeNull();
        problem.Title.Should().Be("Cần đăng nhập.");
        problem.Extensions["code"]!.ToString().Should().Be("sign-in-required");
    }

    [Fact]
    public async Task Every_api_path_needs_a_signed_in_user_but_health_does_not()
    {
        var client = app.AnonymousClient();

        await (await client.GetAsync("/api/anything-at-all")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_token_gives_a_new_pair_and_garbage_is_refused()
    {
        var tokens = await app.LoginAsync(DemoAccounts.SteeringDeputyHead.UserName, DemoAccounts.Password);
        var client = app.AnonymousClient();

        var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { tokens.RefreshToken });
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        var pair = await refreshed.Content.ReadFromJsonAsync<AccessTokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", pair!.AccessToken);
        (await client.GetFromJsonAsync<MeResponse>("/api/auth/me"))!.UserName.Should().Be(DemoAccounts.SteeringDeputyHead.UserName);

        var garbage = await app.AnonymousClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "garbage" });
        (await garbage.ShouldBeProblem(HttpStatusCode.Unauthorized)).Code().Should().Be("invalid_refresh_token");
        // An access token is not a refresh token.
        await (await app.AnonymousClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = pair.AccessToken }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bearer_logout_revokes_the_refresh_tokens()
    {
        var tokens = await app.LoginAsync(DemoAccounts.SteeringStandingMember.UserName, DemoAccounts.Password);
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        (await client.PostAsync("/api/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await app.AnonymousClient().PostAsJsonAsync("/api/auth/refresh", new { tokens.RefreshToken }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task There_is_no_registration_endpoint()
    {
        var response = await (await app.ClientFor(DemoAccounts.Admin)).PostAsJsonAsync("/api/auth/register",
            new { userName = "new.user", password = "Password@2026" });

        response.StatusCode.Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed);
    }
}
