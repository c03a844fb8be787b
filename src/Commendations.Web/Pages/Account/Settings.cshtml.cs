using Commendations.Common.Text;
using Commendations.Features.Notifications;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Account;

/// <summary>The signed-in user's own notification settings: mail on or off (in-app is always kept), and their language.</summary>
public sealed class SettingsModel : AppPageModel
{
    [BindProperty] public bool EmailNotifications { get; set; }
    [BindProperty] public string Language { get; set; } = Languages.VietnameseCode;

    public async Task OnGetAsync()
    {
        var settings = await Mediator.Send(new GetMyNotificationSettings());
        (EmailNotifications, Language) = (settings.EmailNotifications, settings.Language);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Languages.IsSupported(Language))
            ModelState.AddModelError(nameof(Language), T["Chọn tiếng Việt hoặc tiếng Anh."]);
        if (!ModelState.IsValid)
            return Page();
        await Mediator.Send(new SetMyNotificationSettings(EmailNotifications, Language));
        Flash = T["Đã lưu cài đặt thông báo."];
        return Redirect(Commendations.Common.PageLinks.Account);
    }
}
