using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Notifications;

public sealed record UnreadCount(int Count);

/// <summary>How many of the signed-in user's notifications are unread (the badge).</summary>
[Allowed(Audience.SignedIn)]
public sealed record GetUnreadCount : IQuery<UnreadCount>;

public sealed class GetUnreadCountHandler(CommendationsDbContext db, ICurrentUser user) : IRequestHandler<GetUnreadCount, UnreadCount>
{
    public async Task<UnreadCount> Handle(GetUnreadCount request, CancellationToken cancellationToken) =>
        new(await db.Notifications.CountAsync(n => n.RecipientUserId == user.UserId && n.ReadAt == null, cancellationToken));
}
