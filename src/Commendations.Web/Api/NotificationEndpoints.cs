using Commendations.Features.Notifications;
using MediatR;

namespace Commendations.Web.Api;

public static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");
        group.MapGet("/", (IMediator m, int? page, int? pageSize, bool? unreadOnly, CancellationToken ct) =>
            m.Send(new ListMyNotifications(page ?? 1, pageSize ?? 20, unreadOnly ?? false), ct));
        group.MapGet("/unread-count", (IMediator m, CancellationToken ct) => m.Send(new GetUnreadCount(), ct));
        group.MapPost("/{id:guid}/read", (IMediator m, Guid id, CancellationToken ct) => m.Send(new MarkNotificationRead(id), ct));
        // The caller's own e-mail opt-out and language; in-app notifications are always kept.
        group.MapGet("/settings", (IMediator m, CancellationToken ct) => m.Send(new GetMyNotificationSettings(), ct));
        group.MapPut("/settings", (IMediator m, SetMyNotificationSettings body, CancellationToken ct) => m.Send(body, ct));
        group.MapPost("/read-all", async (IMediator m, CancellationToken ct) => new { Marked = await m.Send(new MarkAllNotificationsRead(), ct) });
    }
}
