using Commendations.Common.Text;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Notifications;

/// <summary>Marks one of the signed-in user's notifications read; someone else's is "not found". Reading twice is harmless.</summary>
[Allowed(Audience.SignedIn)]
public sealed record MarkNotificationRead(Guid NotificationId) : ICommand<UnreadCount>;

public sealed class MarkNotificationReadHandler(CommendationsDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<MarkNotificationRead, UnreadCount>
{
    public async Task<UnreadCount> Handle(MarkNotificationRead request, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == request.NotificationId && n.RecipientUserId == user.UserId, cancellationToken)
                           ?? throw new NotFoundException(Things.Notification);
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new UnreadCount(await db.Notifications.CountAsync(n => n.RecipientUserId == user.UserId && n.ReadAt == null, cancellationToken));
    }
}

/// <summary>Marks all of the signed-in user's notifications read; returns how many were unread.</summary>
[Allowed(Audience.SignedIn)]
public sealed record MarkAllNotificationsRead : ICommand<int>;

public sealed class MarkAllNotificationsReadHandler(CommendationsDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<MarkAllNotificationsRead, int>
{
    public async Task<int> Handle(MarkAllNotificationsRead request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.Notifications.Where(n => n.RecipientUserId == user.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
