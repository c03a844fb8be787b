using System.Net;
using Commendations.Common.Errors;
using Commendations.Common.Text;
using Commendations.Seeding;
using Commendations.Web.Tests.Auth;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Web.Tests.Errors;

/// <summary>
/// The real host plus a test-only page filter that makes any page fail on request (header <see cref="FailHeader"/>:
/// <c>bug</c> throws an unexpected exception, <c>forbidden</c> a refusal), as a page with a defect would.
/// </summary>
public sealed class FailingPagesFactory : AppFactory
{
    public const string FailHeader = "X-Test-Fail";
    public const string Secret = "connection string Password=hunter2";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Configure<MvcOptions>(o => o.Filters.Add(new FailOnRequest())));
    }

    private sealed class FailOnRequest : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var http = context.HttpContext;
            // The error page itself never fails: it is what is being tested.
            if (http.Features.Get<IStatusCodeReExecuteFeature>() is null && http.Request.Headers.TryGetValue(FailHeader, out var kind))
                throw kind.ToString() == "forbidden" ? new ForbiddenException(new Message("Không được phép.")) : new InvalidOperationException(Secret);
            return next();
        }
    }
}

public class ErrorPagesTests(FailingPagesFactory app) : IClassFixture<FailingPagesFactory>
{
    /// <summary>What Chromium sends when it navigates.</summary>
    internal const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    [Fact]
    public async Task A_missing_page_is_a_404_page_for_browsers_and_problem_details_for_programs()
    {
        var browser = await SendAsync("/khong-co-trang-nay", html: true);
        var program = await SendAsync("/khong-co-trang-nay", html: false);
        var api = await app.ClientFor(DemoAccounts.Admin);
        api.DefaultRequestHeaders.Accept.ParseAdd(BrowserAccept);
        var apiFromBrowser = await api.GetAsync("/api/khong-co");

        await ShouldBeErrorPage(browser, HttpStatusCode.NotFound, "Không tìm thấy trang");
        await program.ShouldBeProblem(HttpStatusCode.NotFound);
        await apiFromBrowser.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_failing_page_is_a_500_page_that_reveals_nothing_and_a_refusal_a_403_page()
    {
        var bug = await SendAsync("/dang-nhap", html: true, fail: "bug");
        var forbidden = await SendAsync("/dang-nhap", html: true, fail: "forbidden");

        var body = await ShouldBeErrorPage(bug, HttpStatusCode.InternalServerError, "Đã xảy ra lỗi");
        body.Should().NotContain("hunter2").And.NotContain("InvalidOperationException");
        await ShouldBeErrorPage(forbidden, HttpStatusCode.Forbidden, "Không có quyền truy cập");
    }

    [Fact]
    public async Task A_form_post_without_its_anti_forgery_token_is_a_400_page_in_english_when_chosen()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/dang-nhap")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "x", ["Input.Password"] = "y" }),
        };
        request.Headers.Accept.ParseAdd(BrowserAccept);
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");

        var response = await app.AnonymousClient().SendAsync(request);

        var body = await ShouldBeErrorPage(response, HttpStatusCode.BadRequest, "Invalid request");
        body.Should().Contain("Back to the home page");
    }

    private async Task<HttpResponseMessage> SendAsync(string path, bool html, string? fail = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(html ? BrowserAccept : "application/json");
        if (fail is not null)
            request.Headers.Add(FailingPagesFactory.FailHeader, fail);
        return await app.AnonymousClient().SendAsync(request);
    }

    private static async Task<string> ShouldBeErrorPage(HttpResponseMessage response, HttpStatusCode status, string heading)
    {
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        body.Should().Contain($"data-status=\"{(int)status}\"").And.Contain($"<h1>{heading}</h1>").And.Contain("class=\"site-header\"")
            .And.Contain("<a href=\"/\">");
        return body;
    }
}
