using Commendations.Common.Security;
using Commendations.Web.Auth;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Web.Tests.Auth;

/// <summary>
/// The real host plus test-only endpoints under /api/test-only (never in production code): one per role policy,
/// and one echoing <see cref="ICurrentUser"/>. They run in their own branch with the app's authentication and authorisation.
/// </summary>
public sealed class AuthProbeFactory : AppFactory
{
    public const string Prefix = "/api/test-only";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ProbeEndpoints>());
    }

    private sealed class ProbeEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.MapWhen(context => context.Request.Path.StartsWithSegments(Prefix), branch =>
            {
                branch.UseRouting();
                branch.UseAuthentication();
                branch.UseAuthorization();
                branch.UseEndpoints(endpoints =>
                {
                    foreach (var policy in Policies.RoleOf.Keys)
                        endpoints.MapGet($"{Prefix}/{policy}", () => "allowed").RequireAuthorization(policy);
                    endpoints.MapGet($"{Prefix}/signed-in", () => "allowed");
                    endpoints.MapGet($"{Prefix}/current-user", (ICurrentUser user) => new
                    {
                        user.IsAuthenticated, user.UserId, user.DisplayName, Roles = user.Roles.Order().ToList(), user.UnitId, user.IpAddress,
                    });
                });
            });
            next(app);
        };
    }
}
