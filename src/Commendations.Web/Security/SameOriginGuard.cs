using Commendations.Common.Text;
using Commendations.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Security;

/// <summary>
/// Cross-site request forgery on the API. A browser sends the sign-in cookie with a request another site makes (a form
/// posting to /api/admin/users/{id}/lock needs no JSON body), so an unsafe /api request authenticated by the cookie must
/// prove it comes from the app's own pages: <c>Origin</c> equal to the app's origin, or <c>Sec-Fetch-Site: same-origin</c>.
/// Bearer-token requests are unaffected (another site cannot make a browser send our token). Pages have their
/// anti-forgery tokens instead.
/// </summary>
public sealed class SameOriginGuardMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var guarded = ApiPaths.IsApi(request) && IsUnsafe(request.Method) && !AuthSetup.IsBearerRequest(request)
                      && context.User.Identity?.IsAuthenticated == true;
        return guarded && !SameOrigin.IsSameOrigin(request) ? SameOrigin.RefuseAsync(context) : next(context);
    }

    private static bool IsUnsafe(string method) => !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
}

public static class SameOrigin
{
    public const string Code = "cross-site-request";

    /// <summary>
    /// Positive proof only: a request with neither header (an old browser, a script replaying a cookie) is refused too.
    /// The origin compared is the request's own scheme and host, as seen after the trusted proxy's X-Forwarded-Proto.
    /// </summary>
    public static bool IsSameOrigin(HttpRequest request)
    {
        if (request.Headers.TryGetValue("Sec-Fetch-Site", out var site))
            return string.Equals(site.ToString(), "same-origin", StringComparison.OrdinalIgnoreCase);
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }

    public static Task RefuseAsync(HttpContext context) => TypedResults.Problem(Problem()).ExecuteAsync(context);

    public static ProblemDetails Problem() => new()
    {
        Status = StatusCodes.Status403Forbidden,
        Title = new Message("Yêu cầu từ trang khác bị từ chối.").Format(),
        Detail = new Message("Thao tác này chỉ được gửi từ chính các trang của hệ thống. Hãy mở hệ thống và thực hiện lại.").Format(),
        Extensions = { ["code"] = Code },
    };
}
