using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Web.Tests.Api;
using Commendations.Web.Tests.Infrastructure;

namespace Commendations.Web.Tests.Security;

/// <summary>Every kind of response carries the same security headers: pages, API answers, static files, downloads and errors.</summary>
public class SecurityHeadersTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Pages_api_answers_static_files_and_errors_carry_the_security_headers()
    {
        var client = app.AnonymousClient();
        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["sign-in page"] = await client.GetAsync("/dang-nhap"),
            ["API 401"] = await client.GetAsync("/api/auth/me"),
            ["API 404"] = await client.GetAsync("/api/no-such-thing"),
            ["static file"] = await client.GetAsync("/js/site.js"),
            ["health"] = await client.GetAsync("/health/live"),
            ["API login 400"] = await client.PostAsJsonAsync("/api/auth/login", new { userName = "", password = "" }),
        };
        responses["sign-in page"].StatusCode.Should().Be(HttpStatusCode.OK);
        responses["static file"].StatusCode.Should().Be(HttpStatusCode.OK);

        foreach (var (what, response) in responses)
            ShouldCarryTheHeaders(response, what);
    }

    [Fact]
    public async Task A_downloaded_dossier_document_is_not_sniffed_and_cannot_be_framed()
    {
        var journey = new ApiJourney(app);
        var id = await journey.CreateAsync(await journey.CollectiveBodyAsync());
        var officer = await app.As(DemoAccounts.OfficerTanHoa);
        var created = await officer.PostAsync($"/api/nominations/{id}/documents", ApiJourney.Upload("SubmissionLetter", "to-trinh.pdf", ApiJourney.Pdf));
        await ApiJourney.Expect(created, HttpStatusCode.Created);
        var documentId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var download = await officer.GetAsync($"/api/nominations/{id}/documents/{documentId}");

        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        ShouldCarryTheHeaders(download, "document download");
    }

    [Fact]
    public async Task Each_response_gets_its_own_script_nonce_and_pages_no_longer_send_their_own_frame_option()
    {
        var client = app.AnonymousClient();
        var first = await client.GetAsync("/dang-nhap");
        var second = await client.GetAsync("/dang-nhap");

        Nonce(first).Should().NotBe(Nonce(second));
        Nonce(first).Length.Should().BeGreaterThanOrEqualTo(22, "16 random bytes in base64");
        // The anti-forgery system used to add SAMEORIGIN on pages with a form; now one DENY on every response.
        first.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
    }

    private static string Nonce(HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Match(Csp(response), "'nonce-([^']+)'").Groups[1].Value;

    private static string Csp(HttpResponseMessage response) => response.Headers.GetValues("Content-Security-Policy").Single();

    internal static void ShouldCarryTheHeaders(HttpResponseMessage response, string what)
    {
        var csp = Csp(response);
        csp.Should().Contain("default-src 'self'", what).And.Contain("object-src 'none'", what).And.Contain("base-uri 'self'", what)
            .And.Contain("form-action 'self'", what).And.Contain("frame-ancestors 'none'", what).And.MatchRegex("script-src 'self' 'nonce-[^']+'", what);
        csp.Should().NotContain("unsafe-inline", what).And.NotContain("unsafe-eval", what);
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal(["nosniff"], what);
        response.Headers.GetValues("X-Frame-Options").Should().Equal(["DENY"], what);
        response.Headers.GetValues("Referrer-Policy").Single().Should().BeOneOf(["same-origin", "no-referrer", "strict-origin", "strict-origin-when-cross-origin"], what);
        var permissions = response.Headers.GetValues("Permissions-Policy").Single();
        foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()" })
            permissions.Should().Contain(feature, what);
    }
}
