using Commendations.Common.Security;
using Commendations.Common.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Auth;

/// <summary>
/// After the usual challenge or forbid (which keeps the bearer handler's WWW-Authenticate header), an /api request gets a
/// ProblemDetails body saying what is missing, instead of an empty 401/403 or a redirect to the sign-in page.
/// </summary>
internal sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        await _default.HandleAsync(next, context, policy, authorizeResult);
        if (authorizeResult.Succeeded || !ApiPaths.IsApi(context.Request) || context.Response.HasStarted)
            return;

        var problem = authorizeResult.Challenged ? Unauthenticated() : Forbidden(policy);
        await TypedResults.Problem(problem).ExecuteAsync(context);
    }

    internal static ProblemDetails Unauthenticated() => new()
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = new Message("Cần đăng nhập.").Format(),
        Detail = new Message("Hãy đăng nhập trước: gửi 'Authorization: Bearer <accessToken>' nhận từ POST /api/auth/login, hoặc cookie đăng nhập.").Format(),
        Extensions = { ["code"] = "sign-in-required" },
    };

    private static ProblemDetails Forbidden(AuthorizationPolicy policy)
    {
        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToList();
        return new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = new Message("Không được phép.").Format(),
            Detail = roles.Count > 0
                ? new Message("Việc này chỉ dành cho: {0}.", RoleNames.List(roles)).Format()
                : new Message("Bạn đã đăng nhập nhưng không được làm việc này.").Format(),
            Extensions = { ["code"] = roles.Count > 0 ? "role-required" : "forbidden" },
        };
    }
}
