using System.Security.Claims;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
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
            .WithMetadata(new SignInEndpointAttribute())
            .Produces<AccessTokenResponse>()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Sign in with user name and password: an access token and a refresh token");
        auth.MapPost("/refresh", Refresh).AllowAnonymous()
            .WithMetadata(new SignInEndpointAttribute())
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Exchange a refresh token for a new access token");
        auth.MapPost("/logout", Logout).AllowAnonymous()
            .WithSummary("Sign out: revoke the refresh token");
        auth.MapGet("/me", Me)
            .Produces<MeResponse>()
            .WithSummary("The signed-in user: name, unit, roles");
        auth.MapPost("/change-password", ChangePassword)
            .Produces<AccessTokenResponse>()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .WithSummary("Change the caller's password");
        return app;
    }

    /// <summary>
    /// The bearer handler writes the token pair itself during sign-in; the cookie handler only sets a header.
    /// Every refusal is the same 401 (<see cref="PasswordSignIn"/>); a client address that failed too often on this name gets
    /// 429 with Retry-After (<see cref="SignInThrottle"/>), as do too many sign-ins at all (<see cref="SignInRateLimiting"/>).
    /// </summary>
    private static async Task<IResult> Login(LoginRequest request, HttpContext http, PasswordSignIn signIn)
    {
        // A cookie sign-in from another site would sign the browser in to the attacker's account (login CSRF).
        if (request.UseCookie == true && !Security.SameOrigin.IsSameOrigin(http.Request))
            return TypedResults.Problem(Security.SameOrigin.Problem());

        var errors = new Dictionary<string, Message[]>();
        if (string.IsNullOrWhiteSpace(request.UserName))
            errors["userName"] = [SignInMessages.EnterUserName];
        if (string.IsNullOrEmpty(request.Password))
            errors["password"] = [SignInMessages.EnterPassword];
        // Beyond these no account can match; refused before any lookup or hashing (a huge password costs CPU to hash).
        if (request.UserName?.Length > SignInMessages.MaxUserNameLength)
            errors["userName"] = [SignInMessages.TooLong(SignInMessages.MaxUserNameLength)];
        if (request.Password?.Length > SignInMessages.MaxPasswordLength)
            errors["password"] = [SignInMessages.TooLong(SignInMessages.MaxPasswordLength)];
        if (errors.Count > 0)
            throw new InputException(errors);

        var useCookie = request.UseCookie == true;
        var outcome = await signIn.SignInAsync(http, request.UserName!, request.Password!,
            useCookie ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme, request.RememberMe == true);
        if (outcome.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = SignInMessages.Seconds(wait).ToString();
            return SignInRateLimiting.TooManyRequests(SignInMessages.Throttled(wait), "sign-in-throttled");
        }
        if (!outcome.Succeeded)
            return SignInRefused(SignInMessages.InvalidCredentials, "invalid_credentials");
        return useCookie ? TypedResults.NoContent() : TypedResults.Empty;
    }

    private static async Task<IResult> Refresh(
        RefreshRequest request, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
            throw new InputException("refreshToken", SignInMessages.SendRefreshToken);
        if (request.RefreshToken.Length > SignInMessages.MaxRefreshTokenLength)
            throw new InputException("refreshToken", SignInMessages.TooLong(SignInMessages.MaxRefreshTokenLength));

        var ticket = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        // The security stamp check makes a refresh token die with a password change or sign-out.
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || !await signIn.CanSignInAsync(user)
            || await signIn.UserManager.IsLockedOutAsync(user))
            return SignInRefused(SignInMessages.InvalidRefreshToken, "invalid_refresh_token");

        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }

    /// <summary>
    /// Cookie: removed. Bearer tokens are stateless, so signing out renews the user's security stamp: every access and refresh
    /// token and every cookie of this user stops working at the next request (sign-out everywhere).
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
        var errors = new Dictionary<string, Message[]>();
        if (string.IsNullOrEmpty(request.CurrentPassword))
            errors["currentPassword"] = [new Message("Nhập mật khẩu hiện tại.")];
        if (string.IsNullOrEmpty(request.NewPassword))
            errors["newPassword"] = [new Message("Nhập mật khẩu mới.")];
        else if (request.NewPassword == request.CurrentPassword)
            errors["newPassword"] = [new Message("Mật khẩu mới phải khác mật khẩu hiện tại.")];
        if (request.CurrentPassword?.Length > SignInMessages.MaxPasswordLength)
            errors["currentPassword"] = [SignInMessages.TooLong(SignInMessages.MaxPasswordLength)];
        if (request.NewPassword?.Length > SignInMessages.MaxPasswordLength)
            errors["newPassword"] = [SignInMessages.TooLong(SignInMessages.MaxPasswordLength)];
        if (errors.Count > 0)
            throw new InputException(errors);

        var users = signIn.UserManager;
        if (await users.GetUserAsync(http.User) is not { } user)
            return TypedResults.Problem(ApiAuthorizationResultHandler.Unauthenticated());
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (!result.Succeeded)
            throw new InputException(result.Errors
                .GroupBy(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword")
                .ToDictionary(g => g.Key, g => g.Select(IdentityMessages.For).ToArray()));

        if (AuthSetup.IsBearerRequest(http.Request))
            return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
        await signIn.RefreshSignInAsync(user);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult SignInRefused(Message message, string code) => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: new Message("Đăng nhập không thành công.").Format(),
        detail: message.Format(),
        extensions: new Dictionary<string, object?> { ["code"] = code });
}
