using System.Security.Claims;
using Commendations.Common.Security;
using Microsoft.AspNetCore.Identity;

namespace Commendations.Web.Auth;

/// <summary>The caller of the current HTTP request, read from its principal (claims of <see cref="AppUserClaimsPrincipalFactory"/>).</summary>
public sealed class HttpCurrentUser(HttpContext httpContext, ClaimsIdentityOptions claimTypes) : ICurrentUser
{
    private ClaimsPrincipal Principal => httpContext.User;

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public Guid UserId => Guid.TryParse(Principal.FindFirstValue(claimTypes.UserIdClaimType), out var id) ? id : Guid.Empty;

    public string DisplayName => Principal.FindFirstValue(AppClaims.DisplayName) ?? Principal.FindFirstValue(claimTypes.UserNameClaimType) ?? "";

    public IReadOnlySet<string> Roles => Principal.FindAll(claimTypes.RoleClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    public Guid? UnitId => Guid.TryParse(Principal.FindFirstValue(AppClaims.UnitId), out var id) ? id : null;

    public string? IpAddress => httpContext.Connection.RemoteIpAddress?.ToString();

    /// <summary>Inside a request: its caller. Outside one (Quartz jobs, start-up work): the system, or the official a start-up replay acts as.</summary>
    internal static ICurrentUser Resolve(IServiceProvider services)
    {
        var httpContext = services.GetRequiredService<IHttpContextAccessor>().HttpContext;
        if (httpContext is null)
            return StartupActor.Current ?? FixedCurrentUser.System;
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value;
        return new HttpCurrentUser(httpContext, options.ClaimsIdentity);
    }
}
