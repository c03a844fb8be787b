using System.Security.Cryptography;
using System.Text;

namespace Commendations.Web.Security;

/// <summary>
/// The Content-Security-Policy of every response. Scripts and styles come from the app's own files; an inline
/// <c>&lt;script&gt;</c> runs only with this request's nonce (<c>nonce="@Context.CspNonce()"</c>); inline style attributes
/// and handlers (<c>onclick=</c>) are refused, so injected markup cannot run code or restyle the page.
/// </summary>
public static class ContentSecurityPolicy
{
    /// <summary>
    /// Cytoscape (designer and diff) inserts exactly this one &lt;style&gt; element the first time it draws; allowing its
    /// hash keeps 'unsafe-inline' out of style-src. Its other styles go through the CSSOM, which CSP does not restrict.
    /// </summary>
    public const string CytoscapeContainerRule = ".__________cytoscape_container { position: relative; }";

    private static readonly string CytoscapeRuleHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(CytoscapeContainerRule)));

    public static string For(string nonce) => string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' 'nonce-{nonce}'",
        $"style-src 'self' 'sha256-{CytoscapeRuleHash}'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    /// <summary>
    /// The API reference page (<see cref="Hosting.ApiReference"/>) is the library's own page: its start-up script is inline
    /// without our nonce, its bundle evaluates generated code and it styles itself inline. It holds no data and is off in
    /// Production; its web fonts are turned off, so it asks nothing of another origin.
    /// </summary>
    public static readonly string ForApiReference = string.Join("; ",
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");
}

/// <summary>The request's CSP nonce: fresh random bytes per request, the same value in the header and in the page.</summary>
public static class CspNonceExtensions
{
    private static readonly object Key = new();

    public static string CspNonce(this HttpContext context)
    {
        if (context.Items[Key] is string nonce)
            return nonce;
        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[Key] = nonce;
        return nonce;
    }
}
