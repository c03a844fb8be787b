using System.Net;
using System.Net.Sockets;

namespace Commendations.Web.Auth;

/// <summary>
/// The client address sign-in limits are counted by. IPv6 clients usually hold a whole /64, so they are counted by it:
/// otherwise each of their 2^64 addresses would get its own allowance. Behind a reverse proxy, the address comes from
/// X-Forwarded-For only when the proxy is configured as known (ForwardedHeaders:KnownProxies).
/// </summary>
internal static class ClientAddress
{
    public static string Of(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
