using System.ComponentModel.DataAnnotations;

namespace Commendations.Web.Auth;

/// <summary>
/// Configuration section <c>SignIn</c>: how fast passwords may be tried (validated at start-up). Counted in each node's
/// memory: behind a load balancer without client affinity, N nodes allow up to N times these numbers.
/// </summary>
public sealed class SignInLimits
{
    public const string Section = "SignIn";

    /// <summary>Sign-in requests (API login and refresh, the sign-in page) one client address may send per <see cref="Window"/>.</summary>
    [Range(1, int.MaxValue)]
    public int PermitsPerIp { get; set; } = 40;

    /// <summary>
    /// Sign-in attempts on one account name, from all addresses together, per <see cref="Window"/>: slows guessing spread
    /// over many addresses. An address already blocked for that name (below) no longer counts here, so one address alone can
    /// never use this up and keep the real user out.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int PermitsPerAccount { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Failed sign-ins from one address on one account name (known or not) after which that pair is refused for
    /// <see cref="IpAndAccountBlock"/>. This replaces locking the account, which anyone could use to keep its owner out.
    /// </summary>
    [Range(1, 1000)]
    public int FailuresPerIpAndAccount { get; set; } = 5;

    /// <summary>How long failures of one address on one name are counted, and how long the pair stays refused once blocked.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan IpAndAccountBlock { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>Configuration section <c>Sessions</c> (validated at start-up).</summary>
public sealed class SessionCheckOptions
{
    public const string Section = "Sessions";

    /// <summary>
    /// How long a node trusts a user's cached security stamp without hearing of a change. Changes are announced at once
    /// (PostgreSQL NOTIFY); this only bounds a listener connection that died without the node noticing.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StampCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
