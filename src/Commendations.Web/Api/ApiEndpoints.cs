namespace Commendations.Web.Api;

/// <summary>All REST endpoints, under /api, grouped by feature.</summary>
public static class ApiEndpoints
{
    public static WebApplication MapCommendationsApi(this WebApplication app)
    {
        app.MapGroup("/api");
        return app;
    }
}
