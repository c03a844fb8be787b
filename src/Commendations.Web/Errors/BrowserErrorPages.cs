using Commendations.Web.Auth;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace Commendations.Web.Errors;

/// <summary>
/// Error responses for people and for programs. A browser asking for a page (not under /api, accepting text/html) gets
/// the error page <c>/loi/{status}</c> in the site layout; API clients and everything else keep ProblemDetails. Both use
/// the framework's status-code pages: an exception first becomes a status without a body
/// (<see cref="BrowserErrorPageExceptionHandler"/>), then the page is rendered by re-executing the request. A response
/// that already has a body (a page's own "not found" section, a ProblemDetails) is left as it is.
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
        // On the main pipeline (not in a UseWhen branch, which has no global router): re-execution is routed again to /loi/{status}.
        // A fresh scope, as the failed request's DbContext may be in a broken state.
        app.UseStatusCodePagesWithReExecute(PathFormat, queryFormat: null, true);
        app.Use((context, next) =>
        {
            // ... and switched off again for everything but a browser's page request.
            if (!IsBrowserPageRequest(context))
                context.Features.Get<IStatusCodePagesFeature>()!.Enabled = false;
            return next(context);
        });
        app.UseWhen(c => !IsBrowserPageRequest(c), b => b.UseStatusCodePages());
        app.UseExceptionHandler();
        return app;
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
}
