namespace Commendations.Web.Auth;

/// <summary>Without <c>useCookie</c> the answer is a bearer token pair; with it, the sign-in cookie (204).</summary>
public sealed record LoginRequest(string? UserName, string? Password, bool? UseCookie = null, bool? RememberMe = null);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record MeResponse(
    Guid UserId,
    string UserName,
    string DisplayName,
    string? Title,
    IReadOnlyList<string> Roles,
    Guid? UnitId,
    string? UnitName);
