namespace Commendations.Web.Security;

/// <summary>
/// Adds the security headers to every response — pages, API, static files, downloads and error responses — just before
/// it starts, so that nothing in between (the exception handler clears headers) can drop them.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>No feature the app uses; denied so that injected or framed content cannot ask for them either.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), " +
        "microphone=(), midi=(), payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments(Hosting.ApiReference.Path)
                ? ContentSecurityPolicy.ForApiReference
                : ContentSecurityPolicy.For(http.CspNonce());
            headers.XContentTypeOptions = "nosniff";
            // CSP frame-ancestors for current browsers, X-Frame-Options for old ones.
            headers.XFrameOptions = "DENY";
            // URLs carry names searched for and nomination ids: other sites get nothing, the app itself gets the full referrer.
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Another site cannot embed the app's responses (a dossier document, an export) as its own image or script.
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
