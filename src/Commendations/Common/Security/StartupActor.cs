namespace Commendations.Common.Security;

/// <summary>
/// Who acts in work done outside a web request on a person's behalf — the demo's story replayed through the real use
/// cases at start-up, each step as the official who took it. Unset, such work is the system's (as Quartz jobs are).
/// Flows with the async context, so it never reaches a request or a job.
/// </summary>
public static class StartupActor
{
    private static readonly AsyncLocal<ICurrentUser?> Acting = new();

    public static ICurrentUser? Current => Acting.Value;

    public static IDisposable Use(ICurrentUser user)
    {
        var previous = Acting.Value;
        Acting.Value = user;
        return new RestoreOnDispose(() => Acting.Value = previous);
    }
}
