using System.Net;
using System.Net.Http.Json;
using Commendations.Seeding;
using Commendations.Web.Auth;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Commendations.Web.Tests.Security;

/// <summary>
/// A production-like host (environment Staging, nothing about HTTPS configured): HTTPS is required by default, so plain
/// HTTP is redirected, HSTS is sent and every cookie is Secure. The other tests turn it off (AppFactory) to talk HTTP.
/// </summary>
public sealed class ProductionLikeFactory : AppFactory
{
    public const string PublicHost = "commendations.example";

    // Web:RequireHttps is not set: the default of a non-Development environment is what is tested.
    protected override bool PlainHttp => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Staging");
        builder.UseSetting("Web:HttpsPort", "443");
    }

    public HttpClient Client(string scheme) => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri($"{scheme}://{PublicHost}"),
    });
}

public class HttpsTests(ProductionLikeFactory app) : IClassFixture<ProductionLikeFactory>
{
    [Fact]
    public async Task Plain_http_is_redirected_to_https_except_the_health_probes()
    {
        var http = app.Client("http");

        var page = await http.GetAsync("/dang-nhap?returnUrl=%2F");
        var api = await http.PostAsJsonAsync("/api/auth/login", new { userName = "x", password = "y" });

        page.StatusCode.Should().Be(HttpStatusCode.PermanentRedirect);
        page.Headers.Location.Should().Be(new Uri($"https://{ProductionLikeFactory.PublicHost}/dang-nhap?returnUrl=%2F"));
        api.StatusCode.Should().Be(HttpStatusCode.PermanentRedirect, "308 keeps the method and body");
        (await http.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK, "load balancers probe nodes over HTTP");
    }

    [Fact]
    public async Task Https_answers_send_hsts_and_every_cookie_is_secure()
    {
        var https = app.Client("https");
        https.DefaultRequestHeaders.Add("Origin", $"https://{ProductionLikeFactory.PublicHost}");

        var signInPage = await https.GetAsync("/dang-nhap");
        var language = await https.GetAsync("/ngon-ngu?lang=en&returnUrl=%2F");
        var login = await https.PostAsJsonAsync("/api/auth/login",
            new { userName = DemoAccounts.Admin.UserName, password = DemoAccounts.Password, useCookie = true });

        signInPage.StatusCode.Should().Be(HttpStatusCode.OK);
        signInPage.Headers.GetValues("Strict-Transport-Security").Single().Should().Be("max-age=31536000");
        login.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var cookies = new[] { signInPage, language, login }.SelectMany(r => r.Headers.GetValues("Set-Cookie")).ToList();
        cookies.Should().Contain(c => c.StartsWith(".AspNetCore.Antiforgery."));
        cookies.Should().Contain(c => c.StartsWith(".AspNetCore.Culture="));
        cookies.Should().Contain(c => c.StartsWith(AuthSetup.CookieName + "="));
        cookies.Should().OnlyContain(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase), "no cookie may travel over plain HTTP");
    }
}

/// <summary>Start-up refuses settings that do not make sense, naming them.</summary>
public class WebOptionsValidationTests
{
    [Theory]
    [InlineData("Web:HstsMaxAgeDays", "0", "HstsMaxAgeDays")]
    [InlineData("Web:HttpsPort", "70000", "HttpsPort")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "not-an-address", "ForwardedHeaders:KnownProxies: 'not-an-address'")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99", "ForwardedHeaders:KnownNetworks: '10.0.0.0/99'")]
    public async Task A_wrong_setting_stops_the_start(string key, string value, string named)
    {
        await using var app = new MisconfiguredFactory(key, value);
        await ((IAsyncLifetime)app).InitializeAsync();

        var start = () => app.CreateClient();

        start.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().Which.Message.Should().Contain(named);
    }

    private sealed class MisconfiguredFactory(string key, string value) : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(key, value);
        }
    }
}
