using System.Net;
using System.Net.Http.Json;
using Commendations.Infrastructure.Postgres;
using Commendations.Seeding;
using Commendations.Web.Tests.Auth;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Commendations.Web.Tests.Errors;

/// <summary>The app started against a PostgreSQL address where nothing listens (as after the server went down).</summary>
public sealed class DatabaseDownFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var closed = new NpgsqlConnectionStringBuilder(ConnectionString) { Port = PostgresServer.FreeLoopbackPort(), Timeout = 2 }.ConnectionString;
        builder.UseSetting("ConnectionStrings:Commendations", closed);
        // Start-up work that needs the database is skipped; the requests are what is tested.
        builder.UseSetting("Database:ImportReferenceData", "false");
        builder.UseSetting("Database:SeedDemoData", "false");
        builder.UseSetting("Scheduling:Enabled", "false");
    }
}

public class DatabaseDownTests(DatabaseDownFactory app) : IClassFixture<DatabaseDownFactory>
{
    [Fact]
    public async Task Api_clients_get_503_with_retry_after_and_a_code()
    {
        var client = app.AnonymousClient();

        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = DemoAccounts.Admin.UserName, password = DemoAccounts.Password });
        var disclosure = await client.GetAsync($"/api/public/campaigns/{DemoCatalog.CurrentThematicCampaign}/disclosure");

        foreach (var response in new[] { login, disclosure })
        {
            var problem = await response.ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
            problem.Code().Should().Be("service-unavailable");
            problem.Detail.Should().Be("Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.");
            response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(30));
        }
    }

    [Fact]
    public async Task Browsers_get_a_503_page_in_the_site_layout_in_their_language()
    {
        var vietnamese = await PageAsync($"/cong-khai/{DemoCatalog.CurrentThematicCampaign}", english: false);
        var english = await PageAsync($"/cong-khai/{DemoCatalog.CurrentThematicCampaign}", english: true);

        foreach (var response in new[] { vietnamese, english })
        {
            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
            response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(30));
            response.Headers.Contains("Content-Security-Policy").Should().BeTrue();
        }
        var vi = WebUtility.HtmlDecode(await vietnamese.Content.ReadAsStringAsync());
        vi.Should().Contain("class=\"site-header\"").And.Contain("data-status=\"503\"").And.Contain("<a href=\"/\">Về trang chủ</a>")
            .And.Contain("Hệ thống tạm thời gián đoạn").And.NotContain("Npgsql").And.NotContain("Exception");
        var en = WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync());
        en.Should().Contain("<html lang=\"en\"").And.Contain("Service temporarily unavailable").And.Contain("Back to the home page");
    }

    private async Task<HttpResponseMessage> PageAsync(string path, bool english)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(ErrorPagesTests.BrowserAccept);
        if (english)
            request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        return await app.AnonymousClient().SendAsync(request);
    }
}
