using Commendations.Features.Admin.Units;
using Commendations.Features.Admin.Users;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Admin;

public sealed record UserFieldsModel(string Prefix, UsersModel.UserInput Values, IReadOnlyList<UnitNode> Units);

/// <summary>Accounts: create with a temporary password, set name, title, unit and roles, lock and unlock.</summary>
public sealed class UsersModel : AdminPageModel
{
    [BindProperty] public UserInput Input { get; set; } = new();
    [BindProperty] public UserInput Edit { get; set; } = new();
    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public IReadOnlyList<UnitNode> Units { get; private set; } = [];
    public UserRow? Editing { get; private set; }
    [TempData] public string? CreatedPassword { get; set; }
    [TempData] public string? CreatedUserName { get; set; }

    public string[] FieldKeys => new[] { "userName", "temporaryPassword", "displayName", "title", "unitId", "roles" }
        .SelectMany(f => new[] { "Input." + f, "Edit." + f }).ToArray();

    public async Task OnGetAsync(Guid? edit)
    {
        await LoadAsync(edit);
        if (Editing is { } u)
            Edit = new UserInput { UserId = u.Id, DisplayName = u.DisplayName, Title = u.Title, UnitId = u.UnitId, Roles = u.Roles.ToList() };
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        CreatedUser? created = null;
        if (await TryAsync(async () => created = await Mediator.Send(new CreateUser(Input.UserName?.Trim() ?? "", Input.DisplayName ?? "", Input.Title,
                Input.UnitId, Input.Roles, Input.TemporaryPassword))))
        {
            Flash = T["Đã tạo tài khoản {0}.", created!.UserName];
            CreatedUserName = created.UserName;
            CreatedPassword = created.TemporaryPassword;
            return Redirect("/quan-tri/nguoi-dung");
        }
        await LoadAsync(null);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync()
    {
        if (await TryAsync(() => Mediator.Send(new UpdateUser(Edit.UserId, Edit.DisplayName ?? "", Edit.Title, Edit.UnitId, Edit.Roles)), "Edit"))
        {
            Flash = T["Đã lưu tài khoản."];
            return Redirect("/quan-tri/nguoi-dung");
        }
        await LoadAsync(Edit.UserId);
        return Page();
    }

    public async Task<IActionResult> OnPostLockAsync(Guid userId, bool locked)
    {
        try
        {
            if (await TryAsync(() => Mediator.Send(new SetUserLock(userId, locked)), ""))
            {
                Flash = locked ? T["Đã khóa tài khoản."] : T["Đã mở khóa tài khoản."];
                return Redirect("/quan-tri/nguoi-dung");
            }
        }
        catch (Common.Errors.NotFoundException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        await LoadAsync(null);
        return Page();
    }

    private async Task LoadAsync(Guid? edit)
    {
        Users = await Mediator.Send(new ListUsers());
        Units = (await Mediator.Send(new ListUnits())).Units;
        Editing = edit is { } id ? Users.FirstOrDefault(u => u.Id == id) : null;
    }

    public sealed class UserInput
    {
        public Guid UserId { get; set; }
        public string? UserName { get; set; }
        public string? TemporaryPassword { get; set; }
        public string? DisplayName { get; set; }
        public string? Title { get; set; }
        public Guid? UnitId { get; set; }
        public List<string> Roles { get; set; } = [];
    }
}
