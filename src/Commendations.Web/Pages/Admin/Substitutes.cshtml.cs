using Commendations.Features.Admin.Users;
using Commendations.Features.Substitutions;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Admin;

/// <summary>
/// An administrator names a substitute for someone (already away, or without access), and sees and revokes every
/// current or upcoming substitution. The use case checks who may cover whom and says why not.
/// </summary>
public sealed class SubstitutesModel : AdminPageModel
{
    [BindProperty] public SubstituteForInput Input { get; set; } = new();

    public IReadOnlyList<SubstitutionView> Substitutions { get; private set; } = [];
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    /// <summary>Refusals no field shows (an overlap, a substitute away too).</summary>
    public IEnumerable<string> OtherErrors => ErrorsWithoutField("Input.PrincipalUserId", "Input.SubstituteUserId", "Input.From", "Input.To", "Input.Reason");

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await TryAsync(() => Mediator.Send(new SetSubstituteFor(Input.PrincipalUserId ?? Guid.Empty, Input.SubstituteUserId ?? Guid.Empty,
                Input.From ?? default, Input.To ?? default, Input.Reason))))
        {
            Flash = T["Đã đặt người thay thế; hai người đều nhận được thông báo."];
            return Redirect("/quan-tri/nguoi-thay-the");
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        if (await TryAsync(() => Mediator.Send(new RevokeSubstitution(id)), ""))
        {
            Flash = T["Đã thu hồi người thay thế."];
            return Redirect("/quan-tri/nguoi-thay-the");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Substitutions = await Mediator.Send(new ListSubstitutions());
        Users = (await Mediator.Send(new ListUsers())).Where(u => !u.IsLockedOut).ToList();
    }

    public sealed class SubstituteForInput
    {
        public Guid? PrincipalUserId { get; set; }
        public Guid? SubstituteUserId { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public string? Reason { get; set; }
    }
}
