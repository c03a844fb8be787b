using System.Security.Claims;
using Commendations.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace Commendations.Web.Auth;

/// <summary>Signed in, refused (one answer for every reason), or throttled for this address and name.</summary>
public readonly record struct SignInOutcome(bool Succeeded, TimeSpan? RetryAfter)
{
    public static readonly SignInOutcome Success = new(true, null);
    public static readonly SignInOutcome Refused = new(false, null);

    public static SignInOutcome Throttled(TimeSpan retryAfter) => new(false, retryAfter);
}

/// <summary>
/// Signing in with a password, for the API and the sign-in page alike. Every refusal — unknown name, wrong password, locked
/// or disabled account — is the same answer after the same work: a password hash is always verified first, and the
/// account's state is looked at only afterwards, in memory. So neither the answer nor its timing tells whether a name
/// exists, is locked, or that a guessed password was right. Failures feed <see cref="SignInThrottle"/>; the account is
/// never locked by them.
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, SignInThrottle throttle,
    Common.Telemetry.OperationsMetrics metrics)
{
    public async Task<SignInOutcome> SignInAsync(HttpContext http, string userName, string password, string scheme, bool persistent)
    {
        var address = ClientAddress.Of(http);
        var name = SignInEndpoint.NormaliseName(userName);
        if (throttle.RetryAfter(address, name) is { } wait)
        {
            metrics.SignInFailed();
            return SignInOutcome.Throttled(wait);
        }

        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(userName.Trim());
        var passwordMatches = false;
        if (user is null)
            UnknownUserTiming.SpendHashingTime(hasher, password);
        else
            passwordMatches = await users.CheckPasswordAsync(user, password);
        if (user is null || !passwordMatches || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            throttle.Failed(address, name);
            metrics.SignInFailed();
            return SignInOutcome.Refused;
        }

        throttle.Succeeded(address, name);
        signIn.AuthenticationScheme = scheme;
        // As PasswordSignInAsync would (it also checks lockout before the password, which is what gave locked accounts away).
        await signIn.SignInWithClaimsAsync(user, persistent, [new Claim("amr", "pwd")]);
        return SignInOutcome.Success;
    }
}
