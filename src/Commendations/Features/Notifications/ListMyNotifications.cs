using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Features.Nominations;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Notifications;

public sealed record NotificationItem(Guid Id, string Kind, string Title, string Body, string? Link, Guid? NominationId,
    DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>The signed-in user's notifications, newest first, a page at a time.</summary>
[Allowed(Audience.SignedIn)]
public sealed record ListMyNotifications(int Page = 1, int PageSize = 20, bool UnreadOnly = false) : IQuery<Page<NotificationItem>>;

public sealed class ListMyNotificationsValidator : AbstractValidator<ListMyNotifications>
{
    public ListMyNotificationsValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, Features.Nominations.PageLimits.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 100);
    }
}

public sealed class ListMyNotificationsHandler(CommendationsDbContext db, ICurrentUser user)
    : IRequestHandler<ListMyNotifications, Page<NotificationItem>>
{
    public async Task<Page<NotificationItem>> Handle(ListMyNotifications request, CancellationToken cancellationToken)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == user.UserId);
        if (request.UnreadOnly)
            mine = mine.Where(n => n.ReadAt == null);
        var total = await mine.CountAsync(cancellationToken);
        var items = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Select(n => new NotificationItem(n.Id, n.Kind, n.Title, n.Body, n.Link, n.NominationId, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        return new Page<NotificationItem>(items, request.Page, request.PageSize, total);
    }
}
