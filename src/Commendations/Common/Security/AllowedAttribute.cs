namespace Commendations.Common.Security;

/// <summary>
/// Who may send a request: the roles named (any of them), or one of the <see cref="Audience"/>s. Every request type
/// declares exactly one; <see cref="Behaviours.AuthorizationBehaviour{TRequest,TResponse}"/> enforces it before
/// validation and the handler, and refuses a request that declares nothing. Unit scope and "whose turn is it" depend
/// on the data, so handlers still check those (NominationAccess, SessionAccess, the engine).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AllowedAttribute(params string[] rolesOrAudience) : Attribute
{
    public IReadOnlyList<string> RolesOrAudience { get; } = rolesOrAudience;

    public bool IsFor(string audience) => RolesOrAudience.Contains(audience, StringComparer.Ordinal);
}

/// <summary>Audiences beyond roles.</summary>
public static class Audience
{
    /// <summary>Any signed-in user (their unit scope is applied by the use case).</summary>
    public const string SignedIn = "*signed-in";

    /// <summary>Anyone, without signing in (the public disclosure page).</summary>
    public const string Public = "*public";

    /// <summary>Only the scheduler, acting as the system (deadlines, reminders, waits).</summary>
    public const string System = "*system";
}
