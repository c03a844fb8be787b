using Commendations.Features.Substitutions;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Account;

/// <summary>
/// "Người thay thế khi vắng mặt": the signed-in user names who covers their personal tasks while away, sees who covers
/// them and whom they cover, and revokes a cover (back early).
/// </summary>
public sealed class SubstitutesModel : AppPageModel
{
    [BindProperty] public SubstituteInput Input { get; set; } = new();

    public IReadOnlyList<SubstitutionView> Substitutions { get; private set; } = [];
    public IReadOnlyList<SubstituteCandidate> Candidates { get; private set; } = [];

    /// <summary>Refusals no field shows (an overlap, a substitute away too).</summary>
    public IEnumerable<string> OtherErrors => ErrorsWithoutField("Input.SubstituteUserId", "Input.From", "Input.To", "Input.Reason");

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await TryAsync(() => Mediator.Send(new SetMySubstitute(Input.SubstituteUserId ?? Guid.Empty, Input.From ?? default, Input.To ?? default, Input.Reason))))
        {
            Flash = T["Đã đặt người thay thế; hai người đều nhận được thông báo."];
            return Redirect(Commendations.Common.PageLinks.MySubstitutes);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        if (await TryAsync(() => Mediator.Send(new RevokeSubstitution(id)), ""))
        {
            Flash = T["Đã thu hồi người thay thế."];
            return Redirect(Commendations.Common.PageLinks.MySubstitutes);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Substitutions = await Mediator.Send(new ListMySubstitutions());
        Candidates = await Mediator.Send(new ListMySubstituteCandidates());
    }

    public sealed class SubstituteInput
    {
        public Guid? SubstituteUserId { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public string? Reason { get; set; }
    }
}
