using Commendations.Common.Security;
using Commendations.Domain.Committees;
using Commendations.Features.Admin.Committees;
using Commendations.Features.Admin.Users;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Admin;

/// <summary>Committees, their members in rank order (move up/down, remove, add) and new committees.</summary>
public sealed class CommitteesModel : AdminPageModel
{
    [BindProperty] public CommitteeInput Input { get; set; } = new();
    [BindProperty] public MemberInput Member { get; set; } = new();
    public IReadOnlyList<CommitteeView> Committees { get; private set; } = [];
    public IReadOnlyList<UserRow> Candidates { get; private set; } = [];
    public string[] FieldKeys => ["Input.code", "Input.name", "Input.kind"];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync() =>
        await RunAsync(() => Mediator.Send(new CreateCommittee(Input.Code ?? "", Input.Name ?? "", Input.Kind)), T["Đã thêm {0}.", Input.Name ?? ""], "Input");

    public async Task<IActionResult> OnPostAddMemberAsync() =>
        await RunAsync(() => Mediator.Send(new AddCommitteeMember(Member.CommitteeId, Member.UserId ?? Guid.Empty, Member.Position ?? "")), T["Đã thêm thành viên."], "");

    public async Task<IActionResult> OnPostRemoveAsync(Guid committeeId, Guid userId) =>
        await RunAsync(() => Mediator.Send(new RemoveCommitteeMember(committeeId, userId)), T["Đã gỡ thành viên."], "");

    public async Task<IActionResult> OnPostMoveAsync(Guid committeeId, Guid userId, string direction) =>
        await RunAsync(() => Mediator.Send(new MoveCommitteeMember(committeeId, userId, direction == "up")), T["Đã đổi thứ tự thành viên."], "");

    private async Task<IActionResult> RunAsync(Func<Task> action, string done, string prefix)
    {
        try
        {
            if (await TryAsync(action, prefix))
            {
                Flash = done;
                return Redirect("/quan-tri/hoi-dong");
            }
        }
        catch (Common.Errors.NotFoundException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Committees = await Mediator.Send(new ListCommittees());
        Candidates = (await Mediator.Send(new ListUsers())).Where(u => u.Roles.Contains(Roles.CommitteeMember) && !u.IsLockedOut).ToList();
    }

    public sealed class CommitteeInput
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public CommitteeKind Kind { get; set; }
    }

    public sealed class MemberInput
    {
        public Guid CommitteeId { get; set; }
        public Guid? UserId { get; set; }
        public string? Position { get; set; }
    }
}
