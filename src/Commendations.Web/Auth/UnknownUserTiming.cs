using Commendations.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace Commendations.Web.Auth;

/// <summary>
/// A sign-in as an unknown user hashes the password anyway, so the answer takes as long as a wrong password
/// and its timing does not tell which user names exist.
/// </summary>
internal static class UnknownUserTiming
{
    private static readonly AppUser Nobody = new();
    private static string? _hash;

    public static void SpendHashingTime(IPasswordHasher<AppUser> hasher, string password)
    {
        var hash = _hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
