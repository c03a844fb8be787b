using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Web.Tests.Api;
using Commendations.Web.Tests.Auth;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Tests.Security;

/// <summary>
/// Another site's page makes the browser send a request to the API with the user's sign-in cookie (a form post needs no
/// JSON body). Such a request is refused and changes nothing; the app's own pages and bearer-token clients are unaffected.
/// </summary>
public class SameOriginTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private const string Evil = "https://evil.example";

    [Fact]
    public async Task A_cross_site_request_with_the_admin_cookie_cannot_lock_a_user()
    {
        var admin = await CookieSessionAsync(DemoAccounts.Admin);
        var victim = await UserIdAsync(DemoAccounts.Appraiser);

        var fromForm = await SendAsync(admin, HttpMethod.Post, $"/api/admin/users/{victim}/lock", origin: Evil, fetchSite: "cross-site");
        var sameSiteSubdomain = await SendAsync(admin, HttpMethod.Post, $"/api/admin/users/{victim}/lock", origin: "https://other.localhost", fetchSite: "same-site");
        var nullOrigin = await SendAsync(admin, HttpMethod.Post, $"/api/admin/users/{victim}/lock", origin: "null", fetchSite: null);
        var noEvidence = await SendAsync(admin, HttpMethod.Post, $"/api/admin/users/{victim}/lock", origin: null, fetchSite: null);

        foreach (var refused in new[] { fromForm, sameSiteSubdomain, nullOrigin, noEvidence })
        {
            var problem = await refused.ShouldBeProblem(HttpStatusCode.Forbidden);
            problem.Code().Should().Be("cross-site-request");
            problem.Detail.Should().Be("Thao tác này chỉ được gửi từ chính các trang của hệ thống. Hãy mở hệ thống và thực hiện lại.");
        }
        await using (var db = new ApiJourney(app).CreateDbContext())
            (await db.Users.SingleAsync(u => u.Id == victim)).LockoutEnd.Should().BeNull("the refused requests changed nothing");

        // The app's own pages: Origin is the app's, or the browser says same-origin.
        (await SendAsync(admin, HttpMethod.Post, $"/api/admin/users/{victim}/lock", origin: "http://localhost", fetchSite: null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await SendAsync(admin, HttpMethod.Post, $"/api/admin/users/{victim}/unlock", origin: null, fetchSite: "same-origin")).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_cross_site_upload_with_the_officer_cookie_adds_no_document_and_reads_stay_allowed()
    {
        var journey = new ApiJourney(app);
        var id = await journey.CreateAsync(await journey.CollectiveBodyAsync());
        var officer = await CookieSessionAsync(DemoAccounts.OfficerTanHoa);

        var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/nominations/{id}/documents")
        {
            Content = ApiJourney.Upload("SubmissionLetter", "to-trinh.pdf", ApiJourney.Pdf),
        };
        upload.Headers.Add("Origin", Evil);
        upload.Headers.Add("Sec-Fetch-Site", "cross-site");
        (await (await officer.SendAsync(upload)).ShouldBeProblem(HttpStatusCode.Forbidden)).Code().Should().Be("cross-site-request");

        await using (var db = journey.CreateDbContext())
            (await db.Documents.CountAsync(d => d.NominationId == id)).Should().Be(0);
        // Reading is not an action: a cross-site GET is answered (the browser does not let the other site read it).
        (await SendAsync(officer, HttpMethod.Get, $"/api/nominations/{id}", origin: Evil, fetchSite: "cross-site")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bearer_token_calls_are_not_affected()
    {
        var admin = await app.As(DemoAccounts.Admin);
        var victim = await UserIdAsync(DemoAccounts.SteeringHead);

        var locked = await SendAsync(admin, HttpMethod.Post, $"/api/admin/users/{victim}/lock", origin: Evil, fetchSite: "cross-site");
        var unlocked = await SendAsync(admin, HttpMethod.Post, $"/api/admin/users/{victim}/unlock", origin: null, fetchSite: null);

        locked.StatusCode.Should().Be(HttpStatusCode.NoContent);
        unlocked.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_cookie_sign_in_from_another_site_is_refused_in_the_reader_language()
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { userName = DemoAccounts.Leader.UserName, password = DemoAccounts.Password, useCookie = true }),
        };
        request.Headers.Add("Origin", Evil);

        var response = await client.SendAsync(request);

        var problem = await response.ShouldBeProblem(HttpStatusCode.Forbidden);
        problem.Code().Should().Be("cross-site-request");
        problem.Detail.Should().Be("This action can only be sent from the system's own pages. Open the system and do it again there.");
        response.Headers.Contains("Set-Cookie").Should().BeFalse("no session was opened");
        // A token sign-in returns the token in the body, which another site cannot read: allowed from anywhere.
        var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { userName = DemoAccounts.Leader.UserName, password = DemoAccounts.Password }),
        };
        tokenRequest.Headers.Add("Origin", Evil);
        (await client.SendAsync(tokenRequest)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<HttpClient> CookieSessionAsync(DemoAccounts.Account account)
    {
        var browser = app.BrowserClient();
        await ApiJourney.Expect(await browser.PostAsJsonAsync("/api/auth/login",
            new { userName = account.UserName, password = DemoAccounts.Password, useCookie = true }), HttpStatusCode.NoContent);
        browser.DefaultRequestHeaders.Remove("Origin");
        return browser;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? origin, string? fetchSite)
    {
        var request = new HttpRequestMessage(method, path);
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        if (fetchSite is not null)
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return await client.SendAsync(request);
    }

    private async Task<Guid> UserIdAsync(DemoAccounts.Account account)
    {
        await using var db = new ApiJourney(app).CreateDbContext();
        return await db.Users.Where(u => u.UserName == account.UserName).Select(u => u.Id).SingleAsync();
    }
}
