using Commendations.Web.Auth;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace Commendations.Web.Errors;

/// <summary>
/// Error responses for people and for programs. A browser asking for a page (not under /api, accepting text/html) gets
/// the error page <c>/loi/{status}</c> in the site layout; API clients and everything else keep ProblemDetails. Both use
/// the framework's status-code pages: an exception first becomes a status without a body
/// (<see cref="BrowserErrorPageExceptionHandler"/>), then the page is rendered by re-executing the request.
/// </summary>
public static class BrowserErrorPages
{
    public const string PathFormat = "/loi/{0}";

    public static bool IsBrowserPageRequest(HttpContext context) =>
        !ApiPaths.IsApi(context.Request) && AcceptsHtml(context.Request);

    /// <summary>Registered before the ProblemDetails handler so that it sees page requests first.</summary>
    public static IServiceCollection AddBrowserErrorPages(this IServiceCollection services) =>
        services.AddExceptionHandler<BrowserErrorPageExceptionHandler>();

    /// <summary>Goes where UseExceptionHandler went: the status-code pages must wrap the exception handler to see its status.</summary>
    public static WebApplication UseErrorResponses(this WebApplication app)
    {
        // Not while already showing an error page: if that page fails too, the answer is its bare status, not a loop.
        app.UseWhen(c => IsBrowserPageRequest(c) && c.Features.Get<IStatusCodeReExecuteFeature>() is null,
            // A fresh scope: the failed request's DbContext may be in a broken state.
            b => b.UseStatusCodePagesWithReExecute(PathFormat, queryFormat: null, true));
        app.UseWhen(c => !IsBrowserPageRequest(c), b => b.UseStatusCodePages());
        app.UseExceptionHandler();
        return app;
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
}
