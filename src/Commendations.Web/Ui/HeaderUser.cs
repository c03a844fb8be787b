using Commendations.Common.Security;
using Commendations.Features.Notifications;
using MediatR;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Ui;

/// <summary>Who is signed in, as the page header shows it: name, title, roles and unit (read once per request).</summary>
public sealed class HeaderUser(ICurrentUser user, CommendationsDbContext db, IMediator mediator)
{
    public sealed record View(string DisplayName, string? Title, IReadOnlyList<string> Roles, string? UnitName);

    private View? _view;

    public bool IsSignedIn => user.IsAuthenticated && user.UserId != Guid.Empty;

    public bool IsInRole(string role) => user.IsInRole(role);

    /// <summary>The badge of the header: the signed-in user's unread notifications.</summary>
    public async Task<int> UnreadNotificationsAsync() => IsSignedIn ? (await mediator.Send(new GetUnreadCount())).Count : 0;

    public async Task<View?> GetAsync()
    {
        if (!IsSignedIn)
            return null;
        if (_view is not null)
            return _view;
        var title = await db.Users.AsNoTracking().Where(u => u.Id == user.UserId).Select(u => u.Title).FirstOrDefaultAsync();
        var unit = user.UnitId is { } unitId
            ? await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync()
            : null;
        return _view = new View(user.DisplayName, title, user.Roles.Order(StringComparer.Ordinal).ToList(), unit);
    }
}
