using System.ComponentModel.DataAnnotations;

namespace Commendations.Web.Security;

/// <summary>
/// Section <c>Web</c>: transport security. <see cref="RequireHttps"/> defaults to on outside Development (set in
/// <see cref="WebSecurity"/>), so a deployment is secure unless someone turns it off on purpose.
/// </summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>HTTPS redirection, HSTS and cookies marked Secure on every response (not only on HTTPS requests).</summary>
    public bool RequireHttps { get; set; }

    /// <summary>The public HTTPS port to redirect to; unset: ASP.NET Core finds it (ASPNETCORE_HTTPS_PORT or Kestrel's HTTPS endpoint).</summary>
    [Range(1, 65535)]
    public int? HttpsPort { get; set; }

    /// <summary>How long browsers remember to use HTTPS only (Strict-Transport-Security max-age).</summary>
    [Range(1, 3650)]
    public int HstsMaxAgeDays { get; set; } = 365;
}
