using Commendations.Common.Errors;
using Commendations.Features.Nominations;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Nominations;

/// <summary>The nomination's route: its definition drawn with the current step, the steps passed, pending timers, and the audit beside.</summary>
public sealed class RouteModel : AppPageModel
{
    [FromRoute] public Guid Id { get; set; }

    public RouteView? Route { get; private set; }

    public NominationDetail? Detail { get; private set; }

    /// <summary>An administrator's reason for ending the wait early (the repair form).</summary>
    [BindProperty] public string? Reason { get; set; }

    /// <summary>What ending the wait would do (after "Xem trước"), or did.</summary>
    public Features.Repairs.WaitEnding? Ending { get; private set; }

    public bool CanEndWait => User.IsInRole(Common.Security.Roles.Administrator) && Route is { Completed: false } r && r.Timers.Any(t => t.Kind == "waitEnds");

    /// <summary>For administrators: each open task given to a person, with who could receive it instead.</summary>
    public IReadOnlyList<(TaskView Task, Features.Repairs.TaskReassignment Preview)> Reassignable { get; private set; } = [];

    [BindProperty] public Guid? NewUserId { get; set; }

    /// <summary>The move repair: the targets (always, for an administrator) and, after "Xem trước", what it would do.</summary>
    public Features.Repairs.InstanceMove? Move { get; private set; }

    public Features.Repairs.InstanceCancellation? Cancellation { get; private set; }

    [BindProperty] public string? TargetStep { get; set; }

    [BindProperty] public bool SkipChecks { get; set; }

    public bool IsRepairer => User.IsInRole(Common.Security.Roles.Administrator) && Route is { Completed: false };

    public async Task<IActionResult> OnPostReassignAsync(Guid taskId)
    {
        Features.Repairs.TaskReassignment? done = null;
        if (!await TryAsync(async () => done = await Mediator.Send(new Features.Repairs.ReassignTask(taskId, NewUserId, Reason, Apply: true)), ""))
            return await OnGetAsync();
        return Repaired(done!, T["Đã chuyển việc; cả hai người đã được thông báo."]);
    }

    /// <summary>For administrators: open role tasks someone took, which can be given back to the role's pool.</summary>
    public IReadOnlyList<TaskView> Claimed => IsRepairer && Detail is { } d ? d.OpenTasks.Where(t => t.ClaimedByName is not null).ToList() : [];

    public async Task<IActionResult> OnPostReleaseAsync(Guid taskId)
    {
        if (!await TryAsync(() => Mediator.Send(new Features.Tasks.ReleaseTask(taskId, Reason)), ""))
            return await OnGetAsync();
        Flash = T["Đã trả lại việc cho vai trò; người đã nhận việc được thông báo."];
        return Redirect(Common.PageLinks.Route(Id));
    }

    public async Task<IActionResult> OnPostPreviewMoveAsync()
    {
        await TryAsync(async () => Move = await Mediator.Send(new Features.Repairs.MoveInstance(Id, TargetStep, Reason, SkipChecks)), "");
        return await OnGetAsync();
    }

    public async Task<IActionResult> OnPostMoveAsync()
    {
        Features.Repairs.InstanceMove? done = null;
        if (!await TryAsync(async () => done = await Mediator.Send(new Features.Repairs.MoveInstance(Id, TargetStep, Reason, SkipChecks, Apply: true)), ""))
            return await OnGetAsync();
        return Repaired(done!, T["Đã chuyển hồ sơ sang bước đã chọn; những người liên quan đã được thông báo."]);
    }

    public async Task<IActionResult> OnPostPreviewCancelAsync()
    {
        await TryAsync(async () => Cancellation = await Mediator.Send(new Features.Repairs.CancelInstance(Id, Reason)), "");
        return await OnGetAsync();
    }

    public async Task<IActionResult> OnPostCancelAsync()
    {
        Features.Repairs.InstanceCancellation? done = null;
        if (!await TryAsync(async () => done = await Mediator.Send(new Features.Repairs.CancelInstance(Id, Reason, Apply: true)), ""))
            return await OnGetAsync();
        return Repaired(done!, T["Đã huỷ hồ sơ; đơn vị và những người liên quan đã được thông báo."]);
    }

    /// <summary>Done, or recorded for a second administrator's approval (when the installation requires one).</summary>
    private IActionResult Repaired(Features.Repairs.IRepairOutcome outcome, string done)
    {
        Flash = outcome.AwaitingApproval is null ? done : T["Đã gửi đề nghị sửa chữa; việc này sẽ được thực hiện khi một quản trị viên khác duyệt."];
        return Redirect(Common.PageLinks.Route(Id));
    }

    public async Task<IActionResult> OnPostPreviewEndWaitAsync()
    {
        await TryAsync(async () => Ending = await Mediator.Send(new Features.Repairs.EndWaitEarly(Id, Reason ?? "")), "");
        return await OnGetAsync();
    }

    public async Task<IActionResult> OnPostEndWaitAsync()
    {
        Features.Repairs.WaitEnding? done = null;
        if (!await TryAsync(async () => done = await Mediator.Send(new Features.Repairs.EndWaitEarly(Id, Reason ?? "", Apply: true)), ""))
            return await OnGetAsync();
        return Repaired(done!, T["Đã kết thúc thời gian chờ trước hạn; hồ sơ đã chuyển sang bước tiếp theo."]);
    }

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Route = await Mediator.Send(new GetRouteView(Id));
            Detail = await Mediator.Send(new GetNomination(Id));
            if (User.IsInRole(Common.Security.Roles.Administrator) && !Route.Completed)
            {
                var previews = new List<(TaskView, Features.Repairs.TaskReassignment)>();
                foreach (var task in Detail.OpenTasks)
                {
                    var preview = await Mediator.Send(new Features.Repairs.ReassignTask(task.TaskId, null, null));
                    if (preview.Candidates.Count > 0)
                        previews.Add((task, preview));
                }
                Reassignable = previews;
                Move ??= await Mediator.Send(new Features.Repairs.MoveInstance(Id, null, null));
            }
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    /// <summary>The names the diagram gives approval and vote outcomes, in the reader's language.</summary>
    public IReadOnlyDictionary<string, string> OutcomeNames() => new[] { Engine.Outcomes.Approved, Engine.Outcomes.Returned, Engine.Outcomes.Rejected, Engine.Outcomes.Passed, Engine.Outcomes.Failed, Engine.Outcomes.NoQuorum, Engine.Outcomes.Awarded, Engine.Outcomes.Withdrawn }
        .ToDictionary(o => o, o => RouteWords.Outcome(o).Format());
}
