using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Commendations.Web.Auth;

/// <summary>
/// Failed sign-ins per (client address, account name). After <see cref="SignInLimits.FailuresPerIpAndAccount"/> failures
/// within <see cref="SignInLimits.IpAndAccountBlock"/>, that address may not try that name again until the block ends;
/// other addresses — the real user's — and other names are not affected, and the account itself is never locked.
/// Unknown names are counted exactly like real ones, so the throttle tells nothing about which names exist.
/// Per node, in memory (like the rate limiter); a success from the pair forgets its failures.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInLimits> options, TimeProvider clock)
{
    // Enough for every address and name an attacker can try within a block at the per-address rate; past it, new pairs are
    // not tracked (the rate limits still hold) rather than letting memory grow without bound.
    private const int MaxTracked = 100_000;

    private readonly ConcurrentDictionary<(string Address, string Name), Failures> _failures = new();

    private sealed record Failures(int Count, DateTimeOffset Since);

    /// <summary>How long the pair must still wait, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string address, string name)
    {
        if (!_failures.TryGetValue((address, name), out var failures))
            return null;
        var left = failures.Since + options.Value.IpAndAccountBlock - clock.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            _failures.TryRemove(new KeyValuePair<(string, string), Failures>((address, name), failures));
            return null;
        }
        return failures.Count >= options.Value.FailuresPerIpAndAccount ? left : null;
    }

    public void Failed(string address, string name)
    {
        if (_failures.Count >= MaxTracked && !_failures.ContainsKey((address, name)) && RemoveExpired() >= MaxTracked)
            return;
        var now = clock.GetUtcNow();
        var limits = options.Value;
        _failures.AddOrUpdate((address, name), _ => new Failures(1, now), (_, failures) =>
            now >= failures.Since + limits.IpAndAccountBlock ? new Failures(1, now)
            // The failure that reaches the limit starts the block: it lasts the full time from then.
            : failures.Count + 1 >= limits.FailuresPerIpAndAccount ? new Failures(failures.Count + 1, now)
            : failures with { Count = failures.Count + 1 });
    }

    public void Succeeded(string address, string name) => _failures.TryRemove((address, name), out _);

    private int RemoveExpired()
    {
        var oldest = clock.GetUtcNow() - options.Value.IpAndAccountBlock;
        foreach (var (key, failures) in _failures)
        {
            if (failures.Since <= oldest)
                _failures.TryRemove(key, out _);
        }
        return _failures.Count;
    }
}
