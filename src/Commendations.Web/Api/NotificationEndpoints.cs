using Commendations.Features.Notifications;
using MediatR;

namespace Commendations.Web.Api;

public static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");
        group.MapGet("/", (IMediator m, int? page, int? pageSize, bool? unreadOnly, CancellationToken ct) =>
            m.Send(new ListMyNotifications(page ?? 1, pageSize ?? 20, unreadOnly ?? false), ct))
            .WithSummary("The caller's notifications, newest first");
        group.MapGet("/unread-count", (IMediator m, CancellationToken ct) => m.Send(new GetUnreadCount(), ct))
            .WithSummary("How many of the caller's notifications are unread");
        group.MapPost("/{id:guid}/read", (IMediator m, Guid id, CancellationToken ct) => m.Send(new MarkNotificationRead(id), ct))
            .WithSummary("Mark a notification read");
        // The caller's own e-mail opt-out and language; in-app notifications are always kept.
        group.MapGet("/settings", (IMediator m, CancellationToken ct) => m.Send(new GetMyNotificationSettings(), ct))
            .WithSummary("The caller's notification settings (e-mail or not, per kind)");
        group.MapPut("/settings", (IMediator m, SetMyNotificationSettings body, CancellationToken ct) => m.Send(body, ct))
            .WithSummary("Change the caller's notification settings");
        group.MapPost("/read-all", async (IMediator m, CancellationToken ct) => new { Marked = await m.Send(new MarkAllNotificationsRead(), ct) })
            .WithSummary("Mark all the caller's notifications read");
    }
}
