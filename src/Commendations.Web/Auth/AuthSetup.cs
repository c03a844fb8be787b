namespace Commendations.Web.Auth;

/// <summary>Authentication and authorisation of the web host (cookie for the browser, bearer tokens for API clients).</summary>
public static class AuthSetup
{
    public static IServiceCollection AddCommendationsAuth(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication UseCommendationsAuth(this WebApplication app) => app;
}
