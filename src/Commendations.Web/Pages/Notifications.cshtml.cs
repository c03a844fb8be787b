using Commendations.Features.Nominations;
using Commendations.Features.Notifications;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages;

/// <summary>The signed-in user's notifications, newest first; reading them clears the header's badge.</summary>
public sealed class NotificationsModel : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Page<NotificationItem> Items { get; private set; } = new([], 1, 20, 0);

    public async Task OnGetAsync() => Items = await Mediator.Send(new ListMyNotifications(Math.Clamp(PageNumber, 1, 100_000)));

    public async Task<IActionResult> OnPostReadAsync(Guid id)
    {
        await TryAsync(() => Mediator.Send(new MarkNotificationRead(id)), "");
        return Redirect("/thong-bao");
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        await Mediator.Send(new MarkAllNotificationsRead());
        return Redirect("/thong-bao");
    }
}
