using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace Commendations.Web.Security;

/// <summary>
/// Transport and browser hardening for every response at once: security headers, the trusted proxies' forwarded
/// headers, HTTPS redirection and HSTS, Secure cookies. See docs/security.md.
/// </summary>
public static class WebSecurity
{
    public static IServiceCollection AddCommendationsWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>()
            .Configure<IHostEnvironment>((o, environment) => o.RequireHttps = !environment.IsDevelopment())
            .Bind(configuration.GetSection(WebOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersSettings>()
            .Bind(configuration.GetSection(ForwardedHeadersSettings.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedHeadersSettingsValidation>();

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((o, settings) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies (the framework would also trust loopback by default).
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.Proxies())
                o.KnownProxies.Add(proxy);
            foreach (var network in settings.Value.Networks())
                o.KnownIPNetworks.Add(network);
            // Walk back through a chain of known proxies; the first unknown address is the client.
            o.ForwardLimit = null;
        });
        services.AddOptions<HstsOptions>().Configure<IOptions<WebOptions>>((o, web) => o.MaxAge = TimeSpan.FromDays(web.Value.HstsMaxAgeDays));
        services.AddOptions<HttpsRedirectionOptions>().Configure<IOptions<WebOptions>>((o, web) =>
        {
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            if (web.Value.HttpsPort is { } port)
                o.HttpsPort = port;
        });
        // One place for every cookie (sign-in, anti-forgery, language, temp data): Secure whenever HTTPS is required.
        services.AddOptions<CookiePolicyOptions>().Configure<IOptions<WebOptions>>((o, web) =>
        {
            o.Secure = web.Value.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        // X-Frame-Options is sent on every response by SecurityHeadersMiddleware, not only on pages with a form.
        services.AddAntiforgery(o => o.SuppressXFrameOptionsHeader = true);
        return services;
    }

    /// <summary>First in the pipeline: later middleware must see the client's address and scheme, and every answer gets the headers.</summary>
    public static WebApplication UseCommendationsWebSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Configured)
            app.UseForwardedHeaders();
        if (app.Services.GetRequiredService<IOptions<WebOptions>>().Value.RequireHttps)
        {
            app.UseHsts();
            // Load balancers probe the nodes over plain HTTP.
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/health"), b => b.UseHttpsRedirection());
        }
        app.UseCookiePolicy();
        return app;
    }
}
