using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace Commendations.Features.Disclosure;

/// <summary>
/// How many public comments one IP address may send: a fixed window from the framework's rate limiter
/// (<c>Disclosure:CommentsPerIpPerHour</c>, default 10). Shared by the public page and the public API.
/// </summary>
public sealed class CommentRateLimiter(IConfiguration? configuration = null) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(ip =>
        RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration?.GetValue("Disclosure:CommentsPerIpPerHour", 10) ?? 10,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));

    /// <summary>True when this address may send one more comment now.</summary>
    public bool TryAcquire(string? ipAddress)
    {
        using var lease = _limiter.AttemptAcquire(ipAddress ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
