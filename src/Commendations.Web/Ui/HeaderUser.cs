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

    /// <summary>The count next to "Việc cần xử lý": open tasks for the user or their role in their unit (drafts and returned dossiers for an officer).</summary>
    public async Task<int> WorkWaitingAsync() => IsSignedIn ? (await mediator.Send(new Features.Nominations.GetWorkWaitingCount())).Count : 0;

    private bool? _secretary;

    /// <summary>Whether the user is the secretary of a committee (and so handles comments from public disclosure).</summary>
    public async Task<bool> IsCommitteeSecretaryAsync()
    {
        if (!IsSignedIn || !user.IsInRole(Roles.CommitteeMember))
            return false;
        if (_secretary is { } known)
            return known;
        var committees = await db.Committees.AsNoTracking().ToListAsync();
        return (_secretary = committees.Any(c => c.Members.Any(m => m.IsSecretary && m.UserId == user.UserId))).Value;
    }

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
