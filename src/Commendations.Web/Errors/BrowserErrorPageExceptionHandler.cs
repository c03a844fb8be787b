using Microsoft.AspNetCore.Diagnostics;

namespace Commendations.Web.Errors;

/// <summary>
/// For a browser's page request, an exception becomes only a status code (the same mapping as the API's ProblemDetails,
/// so 404/403/503 mean the same in both); the status-code pages then render the error page in the site layout.
/// API requests are left to <see cref="ProblemDetailsExceptionHandler"/>.
/// </summary>
public sealed class BrowserErrorPageExceptionHandler(ILogger<BrowserErrorPageExceptionHandler> logger) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!BrowserErrorPages.IsBrowserPageRequest(httpContext))
            return ValueTask.FromResult(false);

        var status = ProblemDetailsExceptionHandler.ToProblem(exception).Status ?? StatusCodes.Status500InternalServerError;
        if (status == StatusCodes.Status500InternalServerError)
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        else if (status == StatusCodes.Status503ServiceUnavailable)
            logger.LogWarning(exception, "Database unavailable on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = status;
        return ValueTask.FromResult(true);
    }
}
