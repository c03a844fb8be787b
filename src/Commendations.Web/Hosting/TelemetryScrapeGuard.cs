using System.Security.Cryptography;
using System.Text;
using Commendations.Common.Security;
using Microsoft.Extensions.Options;

namespace Commendations.Web.Hosting;

/// <summary><c>Telemetry:Prometheus:ScrapeToken</c>: the bearer token a Prometheus server sends to <c>/metrics</c>.</summary>
public sealed class TelemetryScrapeOptions
{
    public const string Section = "Telemetry:Prometheus";

    /// <summary>Empty: only administrators' sessions may read the metrics (no scraper can).</summary>
    public string? ScrapeToken { get; set; }
}

/// <summary>
/// Who may read <c>/metrics</c>: a scraper with the configured token (<c>Authorization: Bearer …</c>, compared in constant
/// time), or a signed-in administrator (a session or an API token). Anyone else: 401 without credentials, 403 with the wrong
/// ones. The figures say how busy the service is and which routes it runs, so they are not public.
/// </summary>
public sealed class TelemetryScrapeGuard(RequestDelegate next, IOptionsMonitor<TelemetryScrapeOptions> options)
{
    public const string Path = "/metrics";

    /// <summary>Paths whose requests are not traced: the scrapes and the health probes come every few seconds.</summary>
    public static bool IsQuiet(PathString path) => path == Path || path.StartsWithSegments("/health");

    public async Task InvokeAsync(HttpContext http)
    {
        if (TokenMatches(http.Request, options.CurrentValue.ScrapeToken) || http.User.IsInRole(Roles.Administrator))
        {
            await next(http);
            return;
        }
        var credentials = http.Request.Headers.Authorization.Count > 0 || http.User.Identity?.IsAuthenticated == true;
        http.Response.StatusCode = credentials ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        if (!credentials)
            http.Response.Headers.WWWAuthenticate = "Bearer";
    }

    private static bool TokenMatches(HttpRequest request, string? expected)
    {
        if (string.IsNullOrEmpty(expected))
            return false;
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return false;
        // FixedTimeEquals on hashes: equal lengths, so neither the token's length nor its content leaks through timing.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim())), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
