using Commendations.Domain.Users;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Account;

public sealed class SignOutModel(SignInManager<AppUser> signIn) : AppPageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/dang-nhap");
    }
}
