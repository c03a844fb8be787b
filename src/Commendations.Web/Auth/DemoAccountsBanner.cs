using System.Data.Common;
using Commendations.Persistence;
using Commendations.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Auth;

/// <summary>The start-up banner's "how to sign in" part: the demo accounts that exist, with their role, unit and password.</summary>
public static class DemoAccountsBanner
{
    /// <summary>No lines when there are no demo accounts (they are seeded in Development only).</summary>
    public static IReadOnlyList<string> Lines(IServiceProvider services)
    {
        try
        {
            using var scope = services.CreateScope();
            return Lines(scope.ServiceProvider.GetRequiredService<CommendationsDbContext>());
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            return [$"  Demo accounts: could not be listed ({e.Message})"];
        }
    }

    private static IReadOnlyList<string> Lines(CommendationsDbContext db)
    {
        var accounts = (
                from user in db.Users.Where(u => u.IsDemo)
                join unit in db.Units on user.UnitId equals unit.Id into units
                from unit in units.DefaultIfEmpty()
                select new
                {
                    user.UserName,
                    Unit = unit == null ? "" : unit.Name,
                    Roles = (from userRole in db.UserRoles
                             join role in db.Roles on userRole.RoleId equals role.Id
                             where userRole.UserId == user.Id
                             select role.Name).ToList(),
                })
            .AsNoTracking()
            .ToList();
        if (accounts.Count == 0)
            return [];

        var order = DemoAccounts.All.Select((a, i) => (a.UserName, i)).ToDictionary(p => p.UserName, p => p.i);
        var nameWidth = accounts.Max(a => a.UserName?.Length ?? 0);
        var rows = accounts
            .OrderBy(a => order.GetValueOrDefault(a.UserName ?? "", int.MaxValue)).ThenBy(a => a.UserName)
            .Select(a => $"    {(a.UserName ?? "").PadRight(nameWidth)}  {string.Join(", ", a.Roles.Order()),-17}  {a.Unit}");
        return
        [
            $"  Demo accounts (development only), password {DemoAccounts.Password} unless changed:",
            .. rows,
        ];
    }
}
