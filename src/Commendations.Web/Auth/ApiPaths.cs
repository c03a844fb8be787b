namespace Commendations.Web.Auth;

/// <summary>REST requests answer 401/403 ProblemDetails; everything else (the coming Razor Pages) may redirect to the sign-in page.</summary>
internal static class ApiPaths
{
    public static readonly PathString Prefix = "/api";

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(Prefix);
}
