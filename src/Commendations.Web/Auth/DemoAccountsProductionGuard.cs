using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Auth;

/// <summary>
/// Demo accounts have published passwords: in Production the host refuses to start while any exists.
/// Runs in the hosts' "starting" phase, before the server or any scheduler starts.
/// If the database cannot be asked, start-up fails too: the check fails closed.
/// </summary>
public sealed class DemoAccountsProductionGuard(IServiceProvider services, IHostEnvironment environment) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) =>
        environment.IsProduction() ? EnsureNoDemoAccountsAsync(services, cancellationToken) : Task.CompletedTask;

    public static async Task EnsureNoDemoAccountsAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
        var demo = await db.Users.Where(u => u.IsDemo).OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync(cancellationToken);
        if (demo.Count > 0)
            throw new DemoAccountsInProductionException(demo!);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class DemoAccountsInProductionException(IReadOnlyList<string?> userNames) : Exception(
    $"Refusing to start in Production: {userNames.Count} demo account(s) exist ({string.Join(", ", userNames)}). " +
    "Their passwords are published. Delete them (users with is_demo = true) before starting, " +
    "or run a non-production environment (ASPNETCORE_ENVIRONMENT=Development).")
{
    public IReadOnlyList<string?> UserNames { get; } = userNames;
}
