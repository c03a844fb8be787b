using Commendations.Common.Security;
using Commendations.Domain.Users;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Account;

/// <summary>
/// A new password ends the user's other sessions at once (new security stamp); this one continues with a fresh cookie.
/// The password policy (12 characters, nothing common or guessable) is Identity's, so its reasons show next to the field.
/// </summary>
public sealed class ChangePasswordModel(SignInManager<AppUser> signIn) : AppPageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(CurrentPassword))
            ModelState.AddModelError(nameof(CurrentPassword), T["Nhập mật khẩu hiện tại."]);
        if (string.IsNullOrEmpty(NewPassword))
            ModelState.AddModelError(nameof(NewPassword), T["Nhập mật khẩu mới."]);
        else if (NewPassword == CurrentPassword)
            ModelState.AddModelError(nameof(NewPassword), T["Mật khẩu mới phải khác mật khẩu hiện tại."]);
        else if (NewPassword != ConfirmPassword)
            ModelState.AddModelError(nameof(ConfirmPassword), T["Mật khẩu nhập lại không khớp."]);
        if (!ModelState.IsValid)
            return Page();

        var users = signIn.UserManager;
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Redirect("/dang-nhap");
        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                    ModelState.AddModelError(nameof(CurrentPassword), T["Mật khẩu hiện tại không đúng."]);
                else
                    ModelState.AddModelError(nameof(NewPassword), IdentityMessages.For(error).Format());
            }
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        Flash = T["Đã đổi mật khẩu."];
        return Redirect("/");
    }
}
