namespace Commendations.Common.Security;

/// <summary>Who is making the request. Use cases authorise against this; the web host fills it from the signed-in principal.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    Guid UserId { get; }
    string DisplayName { get; }
    IReadOnlySet<string> Roles { get; }
    Guid? UnitId { get; }

    /// <summary>Recorded in the audit trail ("from where").</summary>
    string? IpAddress { get; }

    bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>The scheduler acting for the organisation (never a web request, signed in or not).</summary>
    bool IsSystem => false;
}

/// <summary>A fixed identity: background jobs act as the system; tests act as a chosen user.</summary>
public sealed record FixedCurrentUser(Guid UserId, string DisplayName, IReadOnlySet<string> Roles, Guid? UnitId, string? IpAddress = null)
    : ICurrentUser
{
    public static readonly Guid SystemUserId = Guid.Empty;

    public static FixedCurrentUser System { get; } = new(SystemUserId, "Hệ thống", new HashSet<string>(), null);

    public bool IsAuthenticated => true;

    public bool IsSystem => UserId == SystemUserId;
}
