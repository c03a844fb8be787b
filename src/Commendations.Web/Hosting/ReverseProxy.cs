using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Commendations.Web.Hosting;

/// <summary>
/// Configuration section <c>ForwardedHeaders</c>: the reverse proxies (load balancers) whose X-Forwarded-For and
/// X-Forwarded-Proto are believed. The client address matters: sign-in limits, audit entries and public comments are counted
/// or recorded by it. Without this, every client behind a proxy has the proxy's address and they share one allowance.
/// A proxy on this machine (loopback) is believed without configuration (ASP.NET Core's default); nobody else is.
/// </summary>
public sealed class ReverseProxySettings
{
    public const string Section = "ForwardedHeaders";

    public string[] KnownProxies { get; set; } = [];
}

public static class ReverseProxy
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services)
    {
        services.AddOptions<ReverseProxySettings>().BindConfiguration(ReverseProxySettings.Section)
            .Validate(s => s.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "ForwardedHeaders:KnownProxies must list IP addresses.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxySettings>>((options, proxies) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies.Value.KnownProxies)
                options.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        return services;
    }
}
