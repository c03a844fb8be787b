using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace Commendations.Web.Auth;

/// <summary>
/// Bearer tokens this node has already decrypted, by their text: an API client sends the same token on every request for
/// its hour, and decrypting it (Data Protection: key derivation, AES, HMAC, then the ticket's claims) each time is work
/// whose answer cannot change — a token's content is fixed when it is issued. Only the opening is remembered: the
/// token's expiry and the session check (<see cref="SessionStamps"/>: lock, new password, roles, unit, sign-out) are still
/// applied on every request, so nothing a cached token could do outlives a change to the account.
/// </summary>
public sealed class OpenedBearerTokens
{
    /// <summary>About 3 KB a token: a few thousand concurrent clients' tokens at most, then forgotten all at once.</summary>
    private const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, AuthenticationTicket> _opened = new(StringComparer.Ordinal);

    /// <summary>
    /// The token's ticket, decrypted once; null for a token that does not decrypt (never remembered). The token is looked up
    /// as a span of the Authorization header: a remembered token costs no copy of its kilobytes on every request.
    /// </summary>
    public AuthenticationTicket? Open(ReadOnlySpan<char> token, ISecureDataFormat<AuthenticationTicket> protector)
    {
        if (_opened.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(token, out var ticket))
            return ticket;
        var text = token.ToString();
        ticket = protector.Unprotect(text);
        if (ticket is null)
            return null;
        if (_opened.Count >= Capacity)
            _opened.Clear();
        _opened[text] = ticket;
        return ticket;
    }
}
