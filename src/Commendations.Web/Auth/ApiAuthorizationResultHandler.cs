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
        Title = "Sign-in required.",
        Detail = "Sign in first: send 'Authorization: Bearer <accessToken>' from POST /api/auth/login, or the sign-in cookie.",
    };

    private static ProblemDetails Forbidden(AuthorizationPolicy policy)
    {
        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToList();
        return new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Forbidden.",
            Detail = roles.Count > 0
                ? $"This action needs the role {string.Join(" or ", roles)}."
                : "You are signed in but not allowed to do this.",
        };
    }
}
