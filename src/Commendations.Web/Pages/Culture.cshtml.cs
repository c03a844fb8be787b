using Commendations.Web.Ui;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commendations.Web.Pages;

/// <summary>The language switch: remembers the choice in a cookie for a year and goes back to the page.</summary>
public sealed class CultureModel : PageModel
{
    public IActionResult OnGet(string? lang, string? returnUrl)
    {
        var culture = lang == "en" ? UiSetup.English : UiSetup.Vietnamese;
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
