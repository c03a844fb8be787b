using Commendations.Domain.Users;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Account;

/// <summary>The browser's sign-in (the cookie scheme's login path): the same rules as /api/auth/login, including lockout.</summary>
public sealed class SignInModel(SignInManager<AppUser> signIn) : AppPageModel
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
        if (string.IsNullOrWhiteSpace(UserName))
            ModelState.AddModelError(nameof(UserName), T["Nhập tên đăng nhập."]);
        if (string.IsNullOrEmpty(Password))
            ModelState.AddModelError(nameof(Password), T["Nhập mật khẩu."]);
        if (!ModelState.IsValid)
            return Page();

        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var user = await signIn.UserManager.FindByNameAsync(UserName!.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password!, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError("", result.IsLockedOut
            ? T["Đăng nhập sai quá nhiều lần: tài khoản bị khóa trong vài phút. Vui lòng thử lại sau."]
            : T["Tên đăng nhập hoặc mật khẩu không đúng."]);
        Password = null;
        return Page();
    }
}
