using System.Security.Claims;
using Commendations.Common.Security;
using Commendations.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Commendations.Web.Auth;

/// <summary>
/// The signed-in principal: Identity's id, name, security stamp and roles, plus the unit and display name that use cases
/// read through <see cref="ICurrentUser"/> without a database round trip.
/// </summary>
public sealed class AppUserClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        if (user.UnitId is { } unitId)
            identity.AddClaim(new Claim(AppClaims.UnitId, unitId.ToString()));
        return identity;
    }
}
