using System.Net;
using System.Net.Http.Json;
using Commendations.Common.Security;
using Commendations.Seeding;
using Commendations.Web.Auth;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Web.Tests.Auth;

public class AuthorisationTests(AuthProbeFactory app) : IClassFixture<AuthProbeFactory>
{
    [Fact]
    public async Task A_role_policy_lets_its_role_in_and_refuses_another_role_with_a_403_problem()
    {
        var leader = await app.ClientFor(DemoAccounts.Leader);
        var officer = await app.ClientFor(DemoAccounts.OfficerTanHoa);

        (await leader.GetStringAsync($"{AuthProbeFactory.Prefix}/{Policies.ProvincialLeader}")).Should().Be("allowed");
        var refused = await officer.GetAsync($"{AuthProbeFactory.Prefix}/{Policies.ProvincialLeader}");

        var problem = await refused.ShouldBeProblem(HttpStatusCode.Forbidden);
        // The role by its name for a person, never its code; the code of the refusal for the client.
        problem.Detail.Should().Contain("lãnh đạo tỉnh").And.NotContain(Roles.ProvincialLeader);
        problem.Extensions["code"]!.ToString().Should().Be("role-required");
        refused.Headers.Location.Should().BeNull();
    }

    [Fact]
    public async Task Each_policy_admits_exactly_its_own_role()
    {
        var accounts = DemoAccounts.All.DistinctBy(a => a.Role).ToList();
        foreach (var (policy, role) in Policies.RoleOf)
        foreach (var account in accounts)
        {
            var response = await (await app.ClientFor(account)).GetAsync($"{AuthProbeFactory.Prefix}/{policy}");
            response.StatusCode.Should().Be(account.Role == role ? HttpStatusCode.OK : HttpStatusCode.Forbidden, $"{account.UserName} on {policy}");
        }
    }

    [Fact]
    public async Task Cookie_user_of_another_role_gets_403_not_a_redirect()
    {
        var browser = app.AnonymousClient();
        browser.DefaultRequestHeaders.Add("Origin", "http://localhost");
        var login = await browser.PostAsJsonAsync("/api/auth/login",
            new { userName = DemoAccounts.Appraiser.UserName, password = DemoAccounts.Password, useCookie = true });
        var cookie = login.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        browser.DefaultRequestHeaders.Add("Cookie", cookie);

        var refused = await browser.GetAsync($"{AuthProbeFactory.Prefix}/{Policies.Administrator}");

        await refused.ShouldBeProblem(HttpStatusCode.Forbidden);
        refused.Headers.Location.Should().BeNull();
        (await browser.GetAsync($"{AuthProbeFactory.Prefix}/{Policies.Appraiser}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Anonymous_caller_of_a_role_endpoint_gets_401()
    {
        await (await app.AnonymousClient().GetAsync($"{AuthProbeFactory.Prefix}/{Policies.Administrator}")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await app.AnonymousClient().GetAsync($"{AuthProbeFactory.Prefix}/signed-in")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Current_user_is_read_from_the_principal()
    {
        var me = await (await app.ClientFor(DemoAccounts.SteeringHead)).GetFromJsonAsync<MeResponse>("/api/auth/me");

        var current = await (await app.ClientFor(DemoAccounts.SteeringHead)).GetFromJsonAsync<CurrentUserEcho>($"{AuthProbeFactory.Prefix}/current-user");

        current.Should().BeEquivalentTo(new CurrentUserEcho(true, me!.UserId, "Vũ Quang Huy", [Roles.CommitteeMember], me.UnitId, current!.IpAddress));
    }

    [Fact]
    public void Outside_a_request_the_current_user_is_the_system()
    {
        using var scope = app.Services.CreateScope();

        scope.ServiceProvider.GetRequiredService<ICurrentUser>().Should().BeSameAs(FixedCurrentUser.System);
    }

    private sealed record CurrentUserEcho(bool IsAuthenticated, Guid UserId, string DisplayName, List<string> Roles, Guid? UnitId, string? IpAddress);
}
