using Commendations.Common.Security;
using Commendations.Domain.Users;
using Commendations.Persistence;
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

    public static IServiceCollection AddCommendationsAuth(this IServiceCollection services)
    {
        // Identity's core (stores, password policy, administrators' locks) is registered by AddCommendations;
        // signing in is a web concern, so the sign-in manager and the principal's claims are added here.
        new IdentityBuilder(typeof(AppUser), typeof(AppRole), services)
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>();
        services.AddOptions<PasswordPolicy>().BindConfiguration(PasswordPolicy.Section)
            .Validate(p => p.ForbiddenWords.All(w => w.Length >= 3), "Passwords:ForbiddenWords must be words of 3 characters or more.")
            .ValidateOnStart();
        services.AddOptions<SessionCheckOptions>().BindConfiguration(SessionCheckOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SignInLimits>().BindConfiguration(SignInLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SessionStamps>();
        services.AddSingleton<OpenedBearerTokens>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PasswordSignIn>();
        services.AddSignInRateLimiting();

        services.AddAuthentication(CookieOrBearerScheme)
            .AddPolicyScheme(CookieOrBearerScheme, "Cookie or bearer token", o =>
                o.ForwardDefaultSelector = context => IsBearerRequest(context.Request)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                o.RefreshTokenExpiration = TimeSpan.FromDays(14);
                // The handler itself checks only a token's expiry: without this, a locked user's token worked for its hour.
                o.Events.OnMessageReceived = SessionStamps.ValidateBearerAsync;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(ConfigureCookie);
        AddSharedKeys(services);

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
        app.UseSignInRateLimiting();
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
        // Every request, not Identity's every few minutes: a lock or a new password ends the session at once.
        o.Events.OnValidatePrincipal = SessionStamps.ValidateCookieAsync;
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
    /// Cookies and bearer tokens are encrypted with Data Protection keys, which every web node must share: they live in the
    /// app's database (table data_protection_keys, created by a migration), read by each node at start-up and refreshed by
    /// the framework when a key is due.
    /// </summary>
    private static void AddSharedKeys(IServiceCollection services) =>
        services.AddDataProtection().SetApplicationName("Commendations").PersistKeysToDbContext<CommendationsDbContext>();
}
