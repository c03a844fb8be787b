using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace Commendations.Features.PublicLookup;

/// <summary>
/// How many award look-ups one client address may make: the same kind of fixed window as the disclosure comments'
/// (<see cref="Disclosure.CommentRateLimiter"/>), <c>PublicLookup:RequestsPerIpPerWindow</c> (default 30) per
/// <c>PublicLookup:WindowMinutes</c> (default 10). Enough for a person checking certificates; too few to walk the
/// register numbers one by one. Shared by the page and the API.
/// </summary>
public sealed class LookupRateLimiter(IConfiguration? configuration = null) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration?.GetValue("PublicLookup:RequestsPerIpPerWindow", 30) ?? 30,
            Window = TimeSpan.FromMinutes(configuration?.GetValue("PublicLookup:WindowMinutes", 10) ?? 10),
            QueueLimit = 0,
        }));

    /// <summary>True when this address may look up one more award now.</summary>
    public bool TryAcquire(string? address)
    {
        using var lease = _limiter.AttemptAcquire(address ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
