using System.Security.Claims;
using Commendations.Common.Errors;
using Commendations.Domain.Users;
using Commendations.Persistence;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Commendations.Web.Auth;

/// <summary>
/// /api/auth: sign in (bearer token pair or cookie), refresh, sign out, who am I, change password.
/// There is deliberately no registration: administrators create accounts.
/// </summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/login", Login).AllowAnonymous()
            .Produces<AccessTokenResponse>()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/refresh", Refresh).AllowAnonymous()
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/logout", Logout).AllowAnonymous();
        auth.MapGet("/me", Me);
        auth.MapPost("/change-password", ChangePassword)
            .Produces<AccessTokenResponse>()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem();
        return app;
    }

    /// <summary>The bearer handler writes the token pair itself during sign-in; the cookie handler only sets a header.</summary>
    private static async Task<IResult> Login(LoginRequest request, HttpContext http, SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher)
    {
        // A cookie sign-in from another site would sign the browser in to the attacker's account (login CSRF).
        if (request.UseCookie == true && !Security.SameOrigin.IsSameOrigin(http.Request))
            return TypedResults.Problem(Security.SameOrigin.Problem());

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName))
            errors["userName"] = ["Enter your user name."];
        if (string.IsNullOrEmpty(request.Password))
            errors["password"] = ["Enter your password."];
        if (errors.Count > 0)
            throw new InputException(errors);

        var useCookie = request.UseCookie == true;
        signIn.AuthenticationScheme = useCookie ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        if (await signIn.UserManager.FindByNameAsync(request.UserName!.Trim()) is not { } user)
        {
            UnknownUserTiming.SpendHashingTime(hasher, request.Password!);
            return InvalidCredentials();
        }
        var result = await signIn.PasswordSignInAsync(user, request.Password!, request.RememberMe == true, lockoutOnFailure: true);
        if (result.Succeeded)
            return useCookie ? TypedResults.NoContent() : TypedResults.Empty;
        if (result.IsLockedOut)
            return SignInRefused("Too many failed sign-ins: this account is locked for a few minutes. Try again later.", "locked_out");
        return InvalidCredentials();
    }

    /// <summary>Unknown user, wrong password, or an account not allowed to sign in: one answer, so nothing is revealed.</summary>
    private static ProblemHttpResult InvalidCredentials() => SignInRefused("The user name or password is incorrect.", "invalid_credentials");

    private static async Task<IResult> Refresh(
        RefreshRequest request, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
            throw new InputException("refreshToken", "Send the refresh token from the sign-in answer.");

        var ticket = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        // The security stamp check makes a refresh token die with a password change or sign-out.
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || !await signIn.CanSignInAsync(user)
            || await signIn.UserManager.IsLockedOutAsync(user))
            return SignInRefused("The refresh token is invalid or expired. Sign in again.", "invalid_refresh_token");

        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }

    /// <summary>
    /// Cookie: removed. Bearer tokens are stateless, so signing out renews the user's security stamp: every refresh token
    /// (and, at the next stamp check, every cookie) of this user stops working; access tokens expire on their own within the hour.
    /// </summary>
    private static async Task<NoContent> Logout(HttpContext http, SignInManager<AppUser> signIn)
    {
        if (AuthSetup.IsBearerRequest(http.Request))
        {
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
                await signIn.UserManager.UpdateSecurityStampAsync(user);
        }
        else
        {
            await signIn.SignOutAsync();
        }
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Me(ClaimsPrincipal principal, UserManager<AppUser> users, CommendationsDbContext db, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(principal) is not { } user)
            return TypedResults.Problem(ApiAuthorizationResultHandler.Unauthenticated());
        var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        var unitName = user.UnitId is { } unitId
            ? await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        return TypedResults.Ok(new MeResponse(user.Id, user.UserName ?? "", user.DisplayName, user.Title, roles, user.UnitId, unitName));
    }

    /// <summary>
    /// A new password renews the security stamp, which ends the user's other sessions. This session continues:
    /// a cookie is re-issued (204); a bearer client gets a fresh token pair (200), as its old refresh token no longer works.
    /// </summary>
    private static async Task<IResult> ChangePassword(ChangePasswordRequest request, HttpContext http, SignInManager<AppUser> signIn)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.CurrentPassword))
            errors["currentPassword"] = ["Enter your current password."];
        if (string.IsNullOrEmpty(request.NewPassword))
            errors["newPassword"] = ["Enter a new password."];
        else if (request.NewPassword == request.CurrentPassword)
            errors["newPassword"] = ["The new password must differ from the current one."];
        if (errors.Count > 0)
            throw new InputException(errors);

        var users = signIn.UserManager;
        if (await users.GetUserAsync(http.User) is not { } user)
            return TypedResults.Problem(ApiAuthorizationResultHandler.Unauthenticated());
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (!result.Succeeded)
            throw new InputException(result.Errors
                .GroupBy(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword")
                .ToDictionary(g => g.Key, g => g.Select(e => Describe(e)).ToArray()));

        if (AuthSetup.IsBearerRequest(http.Request))
            return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
        await signIn.RefreshSignInAsync(user);
        return TypedResults.NoContent();
    }

    private static string Describe(IdentityError error) =>
        error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "The current password is incorrect." : error.Description;

    private static ProblemHttpResult SignInRefused(string detail, string code) => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Sign-in failed.",
        detail: detail,
        extensions: new Dictionary<string, object?> { ["code"] = code });
}
