using Commendations.Common.Text;
using Commendations.Web.Auth;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Account;

/// <summary>
/// The browser's sign-in (the cookie scheme's login path): the same rules as /api/auth/login (<see cref="PasswordSignIn"/>),
/// the same limits. Too many attempts show the reason in the form, answered 429 with Retry-After.
/// </summary>
[SignInEndpoint]
public sealed class SignInModel(PasswordSignIn signIn) : AppPageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The rate limiter refused this request (SignInRateLimiting): say why, sign nobody in.
        if (HttpContext.Items[SignInRateLimiting.RefusalItem] is Message refusal)
            return Refused(refusal);
        if (string.IsNullOrWhiteSpace(UserName))
            ModelState.AddModelError(nameof(UserName), T["Nhập tên đăng nhập."]);
        if (string.IsNullOrEmpty(Password))
            ModelState.AddModelError(nameof(Password), T["Nhập mật khẩu."]);
        if (!ModelState.IsValid)
            return Page();

        var outcome = await signIn.SignInAsync(HttpContext, UserName!, Password!, IdentityConstants.ApplicationScheme, RememberMe);
        if (outcome.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        if (outcome.RetryAfter is { } wait)
        {
            Response.Headers.RetryAfter = SignInMessages.Seconds(wait).ToString();
            return Refused(SignInMessages.Throttled(wait));
        }
        ModelState.AddModelError("", T["Tên đăng nhập hoặc mật khẩu không đúng."]);
        Password = null;
        return Page();
    }

    private IActionResult Refused(Message reason)
    {
        ModelState.AddModelError("", reason.Format());
        Password = null;
        var page = Page();
        page.StatusCode = StatusCodes.Status429TooManyRequests;
        return page;
    }
}
