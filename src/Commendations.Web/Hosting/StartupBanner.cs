using Commendations.Web.Auth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Commendations.Web.Hosting;

/// <summary>What a newcomer needs after `dotnet run`: where the app is, where its data lives, and how to sign in.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app, LocalDatabase? localDatabase)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine("Commendations is ready.");
        foreach (var address in addresses)
            Console.WriteLine($"  URL:       {address}");
        Console.WriteLine(localDatabase is null
            ? "  Database:  the configured server (ConnectionStrings__Commendations)"
            : $"  Database:  private PostgreSQL in {localDatabase.DataDirectory} (stopped when the app stops)");
        foreach (var line in DemoAccountsBanner.Lines(app.Services))
            Console.WriteLine(line);
        Console.WriteLine();
    }
}
