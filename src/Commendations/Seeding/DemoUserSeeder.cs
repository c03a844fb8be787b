using Commendations.Domain.Users;
using Commendations.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Seeding;

/// <summary>Creates the roles, and the demo accounts of <see cref="DemoAccounts"/> that are missing.</summary>
public static class DemoUserSeeder
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CommendationsDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var units = await db.Units.ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        foreach (var account in DemoAccounts.All)
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
                continue;
            var user = new AppUser
            {
                UserName = account.UserName,
                Email = account.UserName + "@lamgiang.example",
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                Title = account.Title,
                UnitId = units[account.UnitCode],
                IsDemo = true,
            };
            Check(await users.CreateAsync(user, DemoAccounts.Password), account.UserName);
            Check(await users.AddToRoleAsync(user, account.Role), account.UserName);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
