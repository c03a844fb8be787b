using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Web.Tests.Auth;

/// <summary>The shipped sign-in limits (40 sign-ins a minute per address, 20 per account name, 5 failures per address and name).</summary>
public sealed class ShippedLimitsFactory : AppFactory
{
    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override bool RelaxSignInLimits => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// Guessing passwords is slowed per client address and per account name (429 with Retry-After), and failures on one account
/// from one address block only that address for that account: an attacker cannot keep the real user out.
/// Each test uses its own addresses (documentation ranges) and names, as the limits are shared by the class's host.
/// </summary>
public class SignInThrottlingTests(ShippedLimitsFactory app) : IClassFixture<ShippedLimitsFactory>
{
    [Fact]
    public async Task The_41st_rapid_sign_in_from_one_address_gets_a_429_problem_with_Retry_After_while_another_address_signs_in()
    {
        const string address = "203.0.113.41";
        for (var i = 1; i <= 40; i++)
            (await app.LoginFrom(address, $"khong.co.{i}", "Sai-Mat-Khau-2026")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"attempt {i}");

        var refused = await app.LoginFrom(address, DemoAccounts.Appraiser.UserName, DemoAccounts.Password);

        var problem = await refused.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        problem.Code().Should().Be("rate-limited");
        problem.Detail.Should().StartWith("Quá nhiều lần đăng nhập");
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
        var english = await (await app.LoginFrom(address, DemoAccounts.Appraiser.UserName, DemoAccounts.Password, english: true))
            .ShouldBeProblem(HttpStatusCode.TooManyRequests);
        english.Detail.Should().StartWith("Too many sign-in attempts");
        (await app.LoginFrom("203.0.113.42", DemoAccounts.Appraiser.UserName, DemoAccounts.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_client_cannot_escape_its_address_by_claiming_another_in_X_Forwarded_For()
    {
        const string address = "203.0.113.44";
        for (var i = 1; i <= 40; i++)
        {
            var client = app.AnonymousClient().From(address);
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.18.0.{i}");
            await client.PostAsJsonAsync("/api/auth/login", new { userName = $"gia.mao.{i}", password = "Sai-Mat-Khau-2026" });
        }

        var spoofing = app.AnonymousClient().From(address);
        spoofing.DefaultRequestHeaders.Add("X-Forwarded-For", "198.18.0.99");
        await (await spoofing.PostAsJsonAsync("/api/auth/login", new { userName = "gia.mao.99", password = "Sai-Mat-Khau-2026" }))
            .ShouldBeProblem(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Refreshing_tokens_counts_against_the_address_too()
    {
        const string address = "203.0.113.43";
        var client = app.AnonymousClient().From(address);
        for (var i = 1; i <= 40; i++)
            await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "nothing-" + i });

        await (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "one-more" })).ShouldBeProblem(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task One_account_name_is_limited_across_addresses_and_other_names_are_not()
    {
        const string name = "ten.bi.do";
        for (var i = 1; i <= 20; i++)
            (await app.LoginFrom($"198.51.100.{i}", name, "Sai-Mat-Khau-2026")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"attempt {i}");

        var refused = await app.LoginFrom("198.51.100.21", name, "Sai-Mat-Khau-2026");

        (await refused.ShouldBeProblem(HttpStatusCode.TooManyRequests)).Code().Should().Be("rate-limited");
        (await app.LoginFrom("198.51.100.21", DemoAccounts.OfficerTanHoa.UserName, DemoAccounts.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Failing_on_the_leaders_name_from_one_address_does_not_keep_the_leader_out()
    {
        const string attacker = "192.0.2.66";
        var leader = DemoAccounts.Leader.UserName;
        for (var i = 1; i <= 5; i++)
            (await app.LoginFrom(attacker, leader, $"Doan-Bua-{i}-2026")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"guess {i}");

        // From then on the attacker's address gets nowhere with this name, not even with the right password...
        var blocked = await app.LoginFrom(attacker, leader, DemoAccounts.Password);
        (await blocked.ShouldBeProblem(HttpStatusCode.TooManyRequests)).Code().Should().Be("sign-in-throttled");
        blocked.Headers.RetryAfter!.Delta!.Value.TotalMinutes.Should().BeInRange(1, 15);
        for (var i = 6; i <= 25; i++)
            (await app.LoginFrom(attacker, leader, $"Doan-Bua-{i}-2026")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);

        // ...while the leader, from another address, signs in, and the account is not locked.
        (await app.LoginFrom("192.0.2.10", leader, DemoAccounts.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.LoginFrom(attacker, DemoAccounts.Appraiser.UserName, DemoAccounts.Password)).StatusCode.Should().Be(HttpStatusCode.OK,
            "the address is blocked for that name only");
    }

    [Fact]
    public async Task A_blocked_address_and_name_may_try_again_after_the_block()
    {
        const string address = "192.0.2.77";
        var user = DemoAccounts.SteeringHead.UserName;
        for (var i = 1; i <= 5; i++)
            await app.LoginFrom(address, user, "Sai-Mat-Khau-2026");
        (await app.LoginFrom(address, user, DemoAccounts.Password)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);

        app.Clock.Advance(TimeSpan.FromMinutes(16));

        (await app.LoginFrom(address, user, DemoAccounts.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_sign_in_page_shares_the_limits_and_shows_the_refusal_in_its_form()
    {
        const string address = "203.0.113.90";
        for (var i = 1; i <= 40; i++)
            await app.LoginFrom(address, $"trang.{i}", "Sai-Mat-Khau-2026");

        var page = await SignInPage.PostAsync(app, address, DemoAccounts.Appraiser.UserName, DemoAccounts.Password);

        page.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        page.Headers.RetryAfter.Should().NotBeNull();
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        html.Should().Contain("data-testid=\"error-summary\"").And.Contain("Quá nhiều lần đăng nhập");
        Regex.IsMatch(html, "<form method=\"post\"").Should().BeTrue("the form is shown again");
    }

    [Fact]
    public async Task The_sign_in_page_blocks_an_address_after_five_failures_on_one_name()
    {
        const string address = "203.0.113.91";
        var user = DemoAccounts.CouncilMember4.UserName;
        for (var i = 1; i <= 5; i++)
            (await SignInPage.PostAsync(app, address, user, $"Sai-Mat-Khau-{i}")).StatusCode.Should().Be(HttpStatusCode.OK);

        var page = await SignInPage.PostAsync(app, address, user, DemoAccounts.Password);

        page.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()).Should().Contain("Quá nhiều lần đăng nhập sai");
        (await SignInPage.PostAsync(app, "203.0.113.92", user, DemoAccounts.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
