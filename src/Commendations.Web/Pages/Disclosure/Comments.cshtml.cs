using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Disclosure;
using Commendations.Features.Disclosure;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Disclosure;

/// <summary>
/// Comments from the public on nominations in disclosure, for the committee's secretary (administrators see all): who
/// wrote what and how to reach them, whether it is a complaint, and a form to record the handling. An open complaint
/// pauses the nomination; resolving the last one lets it continue (at once when the disclosure time is already over).
/// </summary>
public sealed class CommentsModel : AppPageModel
{
    [BindProperty(SupportsGet = true)] public bool OnlyUnhandled { get; set; }
    [BindProperty] public HandlingInput Input { get; set; } = new();

    public IReadOnlyList<NominationComments> Nominations { get; private set; } = [];
    public bool Refused { get; private set; }

    /// <summary>The comment whose form was refused: its messages and values are shown in its own form.</summary>
    public Guid? FailedCommentId { get; private set; }

    public string[] FieldKeys => ["Input.Kind", "Input.Handling", "Input.Resolved"];

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    public async Task<IActionResult> OnPostHandleAsync(Guid commentId)
    {
        if (!MayHandle)
            return await ShowAsync();
        DisclosureOutcome? outcome = null;
        if (!ModelState.IsValid || !await TryAsync(async () => outcome = await Mediator.Send(
                new HandleDisclosureComment(commentId, Input.Kind, string.IsNullOrWhiteSpace(Input.Handling) ? null : Input.Handling.Trim(), Input.Resolved))))
        {
            FailedCommentId = commentId;
            return await ShowAsync();
        }
        Flash = outcome!.WaitEnded
            ? T["Đã ghi nhận xử lý. Không còn khiếu nại chưa giải quyết: hồ sơ tiếp tục sang bước \"{0}\".", outcome.CurrentStepName]
            : outcome.OpenComplaints
                ? T["Đã ghi nhận. Hồ sơ vẫn tạm dừng vì còn khiếu nại chưa giải quyết."]
                : T["Đã ghi nhận xử lý ý kiến."];
        return Redirect("/y-kien-cong-khai" + (OnlyUnhandled ? "?onlyUnhandled=true" : ""));
    }

    private bool MayHandle => User.IsInRole(Roles.CommitteeMember) || User.IsInRole(Roles.Administrator);

    private async Task<IActionResult> ShowAsync()
    {
        if (!MayHandle)
        {
            Refused = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        try
        {
            Nominations = await Mediator.Send(new ListCommentsToHandle(OnlyUnhandled));
        }
        catch (ForbiddenException)
        {
            Refused = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        return Page();
    }

    public static string KindLabel(CommentKind kind) => kind == CommentKind.Complaint ? "Khiếu nại" : "Góp ý";

    public sealed class HandlingInput
    {
        public CommentKind Kind { get; set; }
        public string? Handling { get; set; }
        public bool Resolved { get; set; }
    }
}
