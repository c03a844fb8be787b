using Commendations.Common.Security;
using Commendations.Domain.Users;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Commendations.Web.Auth;

/// <summary>Authentication and authorisation of the web host (cookie for the browser, bearer tokens for API clients).</summary>
public static class AuthSetup
{
    /// <summary>The default scheme: bearer when the request carries a bearer token, otherwise the sign-in cookie.</summary>
    public const string CookieOrBearerScheme = "CookieOrBearer";

    public const string SignInPath = "/dang-nhap";
    public const string CookieName = "Commendations.Auth";

    public static IServiceCollection AddCommendationsAuth(this IServiceCollection services, IConfiguration configuration)
    {
        // Identity's core (stores, lockout after 5 failures, password rules) is registered by AddCommendations;
        // signing in is a web concern, so the sign-in manager and the principal's claims are added here.
        new IdentityBuilder(typeof(AppUser), typeof(AppRole), services)
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>();
        // A changed password, role or sign-out reaches open cookie sessions within this time.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        services.AddAuthentication(CookieOrBearerScheme)
            .AddPolicyScheme(CookieOrBearerScheme, "Cookie or bearer token", o =>
                o.ForwardDefaultSelector = context => IsBearerRequest(context.Request)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                o.RefreshTokenExpiration = TimeSpan.FromDays(14);
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(ConfigureCookie);
        AddSharedKeys(services, configuration);

        services.AddAuthorizationBuilder()
            .AddRolePolicies()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new SignedInForApiRequirement()).Build());
        services.AddSingleton<IAuthorizationHandler, SignedInForApiHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser>(HttpCurrentUser.Resolve);
        services.AddHostedService<DemoAccountsProductionGuard>();
        return services;
    }

    public static WebApplication UseCommendationsAuth(this WebApplication app)
    {
        app.UseAuthentication();
        // Needs the authenticated user: only cookie-authenticated API calls must prove they come from the app's pages.
        app.UseMiddleware<Security.SameOriginGuardMiddleware>();
        app.UseAuthorization();
        app.MapAuthEndpoints();
        return app;
    }

    internal static bool IsBearerRequest(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = CookieName;
        o.Cookie.HttpOnly = true;
        // Lax keeps the cookie off most cross-site requests; SameOriginGuardMiddleware refuses the rest on the API.
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.LoginPath = SignInPath;
        o.AccessDeniedPath = SignInPath;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        // The REST API never redirects to a page: ApiAuthorizationResultHandler then writes the ProblemDetails body.
        o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (ApiPaths.IsApi(context.Request))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Cookies and bearer tokens are encrypted with Data Protection keys. Several web nodes must share them:
    /// set DataProtection:KeysFolder to a folder they all see (without it each machine keeps its own keys).
    /// </summary>
    private static void AddSharedKeys(IServiceCollection services, IConfiguration configuration)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("Commendations");
        if (configuration["DataProtection:KeysFolder"] is { Length: > 0 } folder)
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(folder));
    }
}
