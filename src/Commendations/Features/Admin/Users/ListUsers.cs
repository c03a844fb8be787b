using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Admin.Users;

/// <summary>Every account with its roles, unit, title and whether it is locked out.</summary>
[Allowed(Roles.Administrator)]
public sealed record ListUsers : IQuery<IReadOnlyList<UserRow>>;

public sealed record UserRow(Guid Id, string UserName, string DisplayName, string? Title, Guid? UnitId, string? UnitName,
    IReadOnlyList<string> Roles, bool IsLockedOut, bool IsDemo);

public sealed class ListUsersHandler(CommendationsDbContext db, TimeProvider clock) : IRequestHandler<ListUsers, IReadOnlyList<UserRow>>
{
    public async Task<IReadOnlyList<UserRow>> Handle(ListUsers request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return users.Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.Title, u.UnitId,
            u.UnitId is { } id ? units.GetValueOrDefault(id) : null, byUser[u.Id].Order(StringComparer.Ordinal).ToList(),
            u.LockoutEnd is { } end && end > now, u.IsDemo)).ToList();
    }
}
