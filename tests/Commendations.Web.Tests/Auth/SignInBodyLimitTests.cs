using System.Net;
using System.Text;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Web.Tests.Auth;

/// <summary>The app on a real port (Kestrel), where request body limits apply.</summary>
public sealed class KestrelAppFactory : AppFactory, IAsyncLifetime
{
    public Uri Address { get; private set; } = null!;

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
    }
}

/// <summary>The sign-in endpoints read the account name before the rate limiter; they read no more than a sign-in needs.</summary>
public class SignInBodyLimitTests(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public async Task A_sign_in_body_larger_than_16_KB_is_refused_with_413_and_a_normal_one_signs_in()
    {
        using var client = new HttpClient { BaseAddress = app.Address };
        var padding = new string('x', 20 * 1024);
        var huge = new StringContent($$"""{"userName":"{{DemoAccounts.Appraiser.UserName}}","password":"{{padding}}"}""", Encoding.UTF8, "application/json");

        (await client.PostAsync("/api/auth/login", huge)).StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        var normal = new StringContent($$"""{"userName":"{{DemoAccounts.Appraiser.UserName}}","password":"{{DemoAccounts.Password}}"}""", Encoding.UTF8, "application/json");
        (await client.PostAsync("/api/auth/login", normal)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
