using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Audit;
using Commendations.Seeding;
using Commendations.Web.Tests.Api;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Web.Tests.Security;

/// <summary>
/// The app behind a reverse proxy at 10.0.0.1 (<c>ForwardedHeaders:KnownProxies</c>), one public comment per address and
/// hour. The in-memory server has no TCP peer, so a test-only outermost middleware plays the network: it sets the
/// connection's remote address from the <see cref="PeerHeader"/> the test sends.
/// </summary>
public sealed class BehindProxyFactory : ApiFactory
{
    public const string Proxy = "10.0.0.1";
    public const string PeerHeader = "X-Test-Peer";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy);
        builder.UseSetting("Disclosure:CommentsPerIpPerHour", "1");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerFromHeader>());
    }

    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, rest) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer))
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                return rest(context);
            });
            next(app);
        };
    }
}

public class ForwardedHeadersTests(BehindProxyFactory app) : IClassFixture<BehindProxyFactory>
{
    [Fact]
    public async Task Two_citizens_behind_the_proxy_each_get_their_own_comment_limit()
    {
        var first = await CommentAsync(peer: BehindProxyFactory.Proxy, forwardedFor: "203.0.113.10");
        var againFromFirst = await CommentAsync(peer: BehindProxyFactory.Proxy, forwardedFor: "203.0.113.10");
        var second = await CommentAsync(peer: BehindProxyFactory.Proxy, forwardedFor: "203.0.113.11");

        first.StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests);
        againFromFirst.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        second.StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests, "another citizen behind the same proxy has their own limit");
    }

    [Fact]
    public async Task A_sender_that_is_not_a_configured_proxy_cannot_choose_its_address()
    {
        var first = await CommentAsync(peer: "198.51.100.7", forwardedFor: "203.0.113.20");
        var spoofed = await CommentAsync(peer: "198.51.100.7", forwardedFor: "203.0.113.21");

        first.StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests);
        spoofed.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "X-Forwarded-For from an unknown sender is ignored");
    }

    [Fact]
    public async Task The_audit_trail_records_the_citizen_address_the_proxy_forwarded_and_the_scheme_it_reports()
    {
        var journey = new ApiJourney(app);
        var officer = await app.As(DemoAccounts.OfficerTanHoa);
        var throughProxy = new HttpRequestMessage(HttpMethod.Post, "/api/nominations") { Content = JsonContent.Create(await journey.CollectiveBodyAsync()) };
        throughProxy.Headers.Add(BehindProxyFactory.PeerHeader, BehindProxyFactory.Proxy);
        throughProxy.Headers.Add("X-Forwarded-For", "203.0.113.30");
        var spoofed = new HttpRequestMessage(HttpMethod.Post, "/api/nominations") { Content = JsonContent.Create(await journey.CollectiveBodyAsync()) };
        spoofed.Headers.Add(BehindProxyFactory.PeerHeader, "198.51.100.8");
        spoofed.Headers.Add("X-Forwarded-For", "203.0.113.31");

        var viaProxy = await IdOf(await officer.SendAsync(throughProxy));
        var direct = await IdOf(await officer.SendAsync(spoofed));

        await using var db = journey.CreateDbContext();
        (await AddressAsync(db, viaProxy)).Should().Be("203.0.113.30");
        (await AddressAsync(db, direct)).Should().Be("198.51.100.8");

        // X-Forwarded-Proto: the proxy terminated TLS, so the cookie it relays is marked Secure.
        var login = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { userName = DemoAccounts.Admin.UserName, password = DemoAccounts.Password, useCookie = true }),
        };
        login.Headers.Add(BehindProxyFactory.PeerHeader, BehindProxyFactory.Proxy);
        login.Headers.Add("X-Forwarded-For", "203.0.113.32");
        login.Headers.Add("X-Forwarded-Proto", "https");
        login.Headers.Add("Origin", "https://localhost");
        var signedIn = await app.AnonymousClient().SendAsync(login);
        signedIn.StatusCode.Should().Be(HttpStatusCode.NoContent);
        signedIn.Headers.GetValues("Set-Cookie").Should().OnlyContain(c => c.Contains("; secure"));
    }

    private async Task<HttpResponseMessage> CommentAsync(string peer, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/public/nominations/{Guid.NewGuid()}/comments")
        {
            Content = JsonContent.Create(new { text = "Ý kiến về người được đề nghị.", isComplaint = false }),
        };
        request.Headers.Add(BehindProxyFactory.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await app.AnonymousClient().SendAsync(request);
    }

    private static async Task<Guid> IdOf(HttpResponseMessage response)
    {
        await ApiJourney.Expect(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private static Task<string?> AddressAsync(Persistence.CommendationsDbContext db, Guid nominationId) =>
        db.AuditEntries.Where(e => e.Stream == AuditTrail.NominationStream(nominationId) && e.Action == "nomination.created")
            .Select(e => e.IpAddress).SingleAsync();
}
