using Scalar.AspNetCore;

namespace Commendations.Web.Hosting;

/// <summary>
/// The interactive API reference for developers (Scalar, reading the app's own OpenAPI document), at <see cref="Path"/>.
/// Off in Production unless <c>ApiReference:Enabled</c> is true: it shows nobody's data, but it is a developer's tool,
/// and its page needs a looser Content-Security-Policy (<see cref="Security.ContentSecurityPolicy.ForApiReference"/>).
/// </summary>
public static class ApiReference
{
    public const string Path = "/api/docs";

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("ApiReference:Enabled", !environment.IsProduction());

    public static WebApplication MapApiReference(this WebApplication app)
    {
        if (IsEnabled(app.Configuration, app.Environment))
            app.MapScalarApiReference(Path, options => options
                    .WithTitle("Commendations API")
                    // Its default fonts come from the library's CDN: an office network may not reach it, and the CSP refuses it.
                    .DisableDefaultFonts()
                    .WithOpenApiRoutePattern("/api/openapi/{documentName}.json"))
                .AllowAnonymous();
        return app;
    }
}
