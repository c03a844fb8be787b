using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Commendations.Persistence;
using Commendations.Workflow;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Commendations.Web.Auth;

/// <summary>
/// Is a signed-in session still current? Its security stamp must be the account's and the account must not be locked.
/// Checked on every authenticated request, cookie and bearer token alike, so that locking, disabling, a new password, new
/// roles or another unit (each renews the stamp) end the user's sessions at the next request, on every node.
///
/// Cost: the account's stamp and lock are cached per user in each node's memory (<see cref="ReferenceDataCache"/>, table
/// <c>users</c>), so a request normally costs a dictionary look-up; the row is read once per user after any change to
/// <c>users</c>, at most every <see cref="SessionCheckOptions.StampCacheDuration"/>, and for each request the cache would
/// refuse (an ended session, or one newer than the cache), so a refusal is never stale.
///
/// Worst-case delay before a change is enforced: on the node that made it, none (its cache drops the table at commit); on
/// the others, the time PostgreSQL takes to deliver the NOTIFY its trigger sends at commit — milliseconds — so a request
/// already on its way at that instant may still pass. While a node's listener is disconnected it caches nothing (every
/// request reads the row). The one unbounded case — a listener connection that died without an error, so the node
/// believes it still listens — is bounded by StampCacheDuration (30 s by default): that is the true worst case.
/// </summary>
public sealed class SessionStamps(ReferenceDataCache cache, IOptions<SessionCheckOptions> options, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    private const string Table = "users";

    private sealed record AccountState(bool Exists, string? Stamp, bool LockoutEnabled, DateTimeOffset? LockoutEnd);

    private static readonly AccountState Missing = new(false, null, false, null);

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, IServiceProvider requestServices)
    {
        var claims = identity.Value.ClaimsIdentity;
        if (!Guid.TryParse(principal.FindFirstValue(claims.UserIdClaimType), out var userId)
            || principal.FindFirstValue(claims.SecurityStampClaimType) is not { Length: > 0 } stamp)
            return false;
        var cached = await cache.GetAsync(Table, userId.ToString(), () => LoadAsync(requestServices, userId), options.Value.StampCacheDuration);
        if (Accepts(cached, stamp))
            return true;
        // Only acceptance is trusted to the cache. A refusal is confirmed against the row: the session may be newer than
        // what this node has heard (a new password on another node a moment ago issued it a new stamp).
        return Accepts(await LoadAsync(requestServices, userId), stamp);
    }

    private bool Accepts(AccountState account, string stamp) =>
        account.Exists && account.Stamp == stamp && !(account.LockoutEnabled && account.LockoutEnd > clock.GetUtcNow());

    private static async Task<AccountState> LoadAsync(IServiceProvider services, Guid userId) =>
        await services.GetRequiredService<CommendationsDbContext>().Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new AccountState(true, u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd))
            .FirstOrDefaultAsync() ?? Missing;

    /// <summary>The cookie scheme's check (in place of Identity's SecurityStampValidator, which reads the database every few minutes).</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (context.Principal is { } principal && await services.GetRequiredService<SessionStamps>().IsCurrentAsync(principal, services))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme); // and the browser drops the dead cookie
    }

    /// <summary>
    /// The bearer scheme's check. Its handler has no hook after it reads a token, so this reads the token itself (as the
    /// handler would) when the request arrives, and either fails it or hands the handler the result.
    /// </summary>
    public static async Task ValidateBearerAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = context.Token is { } given ? given.AsSpan()
            : header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header.AsSpan("Bearer ".Length).Trim() : default;
        if (token.IsEmpty)
            return;
        var services = context.HttpContext.RequestServices;
        var ticket = services.GetRequiredService<OpenedBearerTokens>().Open(token, context.Options.BearerTokenProtector);
        var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires)
            return; // the handler refuses it as it always has
        if (!await services.GetRequiredService<SessionStamps>().IsCurrentAsync(ticket.Principal, services))
        {
            context.Fail("The session has ended: the account changed (locked, new password, roles or unit) or signed out.");
            return;
        }
        // Copies: the ticket is shared by this token's other requests, and the framework may add to what a request holds.
        context.Principal = ticket.Principal.Clone();
        context.Properties = ticket.Properties.Clone();
        context.Success();
    }
}
