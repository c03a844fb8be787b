using Commendations.Common.Security;
using Commendations.Domain.Committees;
using Commendations.Features.Admin.Committees;
using Commendations.Features.Admin.Users;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Admin;

/// <summary>
/// Committees, their members in rank order (move up/down, remove, add), the "Nơi nhận" their minutes end with, and new
/// committees.
/// </summary>
public sealed class CommitteesModel : AdminPageModel
{
    [BindProperty] public CommitteeInput Input { get; set; } = new();
    [BindProperty] public MemberInput Member { get; set; } = new();
    [BindProperty] public RecipientsInput Recipients { get; set; } = new();
    public IReadOnlyList<CommitteeView> Committees { get; private set; } = [];
    public IReadOnlyList<UserRow> Candidates { get; private set; } = [];
    public string[] FieldKeys => ["Input.code", "Input.name", "Input.kind", .. Committees.Select(c => RecipientsField(c.Id))];

    /// <summary>Each committee's recipients are a field of their own: its errors are keyed by the committee.</summary>
    public static string RecipientsField(Guid committeeId) => $"recipients-{committeeId}";

    /// <summary>The recipients as the textarea shows them: what was just typed if it was refused, else what is stored.</summary>
    public string RecipientsText(CommitteeView committee) =>
        Recipients.CommitteeId == committee.Id && Recipients.Lines is { } typed ? typed : string.Join("\n", committee.MinutesRecipients);

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync() =>
        await RunAsync(() => Mediator.Send(new CreateCommittee(Input.Code ?? "", Input.Name ?? "", Input.Kind)), T["Đã thêm {0}.", Input.Name ?? ""], "Input");

    public async Task<IActionResult> OnPostAddMemberAsync() =>
        await RunAsync(() => Mediator.Send(new AddCommitteeMember(Member.CommitteeId, Member.UserId ?? Guid.Empty, Member.Position ?? "")), T["Đã thêm thành viên."], "");

    public async Task<IActionResult> OnPostRemoveAsync(Guid committeeId, Guid userId) =>
        await RunAsync(() => Mediator.Send(new RemoveCommitteeMember(committeeId, userId)), T["Đã gỡ thành viên."], "");

    public async Task<IActionResult> OnPostMoveAsync(Guid committeeId, Guid userId, string direction) =>
        await RunAsync(() => Mediator.Send(new MoveCommitteeMember(committeeId, userId, direction == "up")), T["Đã đổi thứ tự thành viên."], "");

    public async Task<IActionResult> OnPostRecipientsAsync()
    {
        var lines = (Recipients.Lines ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var response = await RunAsync(() => Mediator.Send(new SetMinutesRecipients(Recipients.CommitteeId, lines)), T["Đã lưu nơi nhận của biên bản."], "");
        // The use case names the list or one of its lines (recipients[2]); the page shows them on the committee's field.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("recipients", StringComparison.OrdinalIgnoreCase) && k != RecipientsField(Recipients.CommitteeId)).ToList())
        {
            foreach (var error in ModelState[key]!.Errors)
                ModelState.AddModelError(RecipientsField(Recipients.CommitteeId), error.ErrorMessage);
            ModelState.Remove(key);
        }
        return response;
    }

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

    public sealed class RecipientsInput
    {
        public Guid CommitteeId { get; set; }

        /// <summary>One recipient a line, as the minutes print them.</summary>
        public string? Lines { get; set; }
    }

    public sealed class MemberInput
    {
        public Guid CommitteeId { get; set; }
        public Guid? UserId { get; set; }
        public string? Position { get; set; }
    }
}
