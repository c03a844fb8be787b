using Microsoft.AspNetCore.Authorization;

namespace Commendations.Web.Auth;

/// <summary>
/// The fallback policy's requirement: an endpoint without its own authorisation needs a signed-in user when it is under /api.
/// Other paths (health checks, the future pages and static files) are left to their own rules.
/// </summary>
internal sealed class SignedInForApiRequirement : IAuthorizationRequirement;

internal sealed class SignedInForApiHandler : AuthorizationHandler<SignedInForApiRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SignedInForApiRequirement requirement)
    {
        // Anything that is not a request we can see is treated as an API call: fail closed.
        var outsideApi = context.Resource is HttpContext http && !ApiPaths.IsApi(http.Request);
        if (outsideApi || context.User.Identity?.IsAuthenticated == true)
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
